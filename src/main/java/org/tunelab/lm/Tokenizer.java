package org.tunelab.lm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE. Ids 0..255 are the raw bytes, {@link #EOT} (256) ends a document, and ids
 * 257.. are merges learned by {@link #train}. Text is first cut into chunks that merges never
 * cross: a word with its leading space, a run of punctuation (with its leading space), a run of
 * spaces or newlines, and <b>every digit alone</b> ("digits split"), so numbers are spelled
 * digit by digit. Because ids start as bytes, {@code decodeBytes(encodeBytes(b))} equals
 * {@code b} for every byte string.
 */
public final class Tokenizer {

    /** End of text: separates documents and stops generation. */
    public static final int EOT = 256;
    private static final int LETTER = 0, DIGIT = 1, SPACE = 2, NEWLINE = 3, OTHER = 4;

    private final int[][] merges;          // (n merges, 2): merge i makes id 257 + i
    private final byte[][] pieces;         // (V) bytes of each token
    private final Map<Long, Integer> rank; // pair -> merged id
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    /** A tokenizer from its merge list (as stored in checkpoints). */
    public Tokenizer(int[][] merges) {
        this.merges = merges;
        this.pieces = new byte[257 + merges.length][];
        for (int i = 0; i < 256; i++) pieces[i] = new byte[] {(byte) i};
        pieces[EOT] = "<|endoftext|>".getBytes(StandardCharsets.UTF_8);
        this.rank = new HashMap<>();
        for (int i = 0; i < merges.length; i++) {
            int a = merges[i][0], b = merges[i][1];
            byte[] pa = pieces[a], pb = pieces[b];
            byte[] m = Arrays.copyOf(pa, pa.length + pb.length);
            System.arraycopy(pb, 0, m, pa.length, pb.length);
            pieces[257 + i] = m;
            rank.put(key(a, b), 257 + i);
        }
    }

    /** Learns {@code vocabSize - 257} merges from the text, most frequent pair first (ties: smaller pair). */
    public static Tokenizer train(String text, int vocabSize) {
        Map<String, Integer> freq = new HashMap<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int[] ch : chunks(bytes)) {
            freq.merge(new String(bytes, ch[0], ch[1] - ch[0], StandardCharsets.ISO_8859_1), 1, Integer::sum);
        }
        List<int[]> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        freq.forEach((w, n) -> {
            int[] s = new int[w.length()];
            for (int i = 0; i < s.length; i++) s[i] = w.charAt(i);
            words.add(s);
            counts.add(n);
        });
        int nMerges = vocabSize - 257;
        int[][] merges = new int[nMerges][];
        int made = 0;
        for (; made < nMerges; made++) {
            Map<Long, Long> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                int[] s = words.get(w);
                for (int i = 0; i + 1 < s.length; i++) pairs.merge(key(s[i], s[i + 1]), (long) counts.get(w), Long::sum);
            }
            long best = -1, bestN = 0;
            for (Map.Entry<Long, Long> e : pairs.entrySet()) {
                long n = e.getValue();
                if (n > bestN || (n == bestN && e.getKey() < best)) { best = e.getKey(); bestN = n; }
            }
            if (best < 0 || bestN < 2) break;
            int a = (int) (best >>> 32), b = (int) best, id = 257 + made;
            merges[made] = new int[] {a, b};
            for (int w = 0; w < words.size(); w++) words.set(w, apply(words.get(w), a, b, id));
        }
        return new Tokenizer(Arrays.copyOf(merges, made));
    }

    private static int[] apply(int[] s, int a, int b, int id) {
        int n = 0;
        int[] out = null;
        for (int i = 0; i < s.length; i++) {
            if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
                if (out == null) { out = new int[s.length]; System.arraycopy(s, 0, out, 0, i); n = i; }
                out[n++] = id;
                i++;
            } else if (out != null) {
                out[n++] = s[i];
            }
        }
        return out == null ? s : Arrays.copyOf(out, n);
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    private static int cls(byte b) {
        int c = b & 0xff;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return LETTER;
        if (c >= '0' && c <= '9') return DIGIT;
        if (c == ' ') return SPACE;
        if (c == '\n') return NEWLINE;
        return OTHER;
    }

    /** Chunk boundaries [start, end) that merges never cross. */
    static List<int[]> chunks(byte[] b) {
        List<int[]> out = new ArrayList<>();
        int n = b.length, i = 0;
        while (i < n) {
            int start = i, c = cls(b[i]);
            if (c == DIGIT) {
                i++;
            } else if (c == SPACE && i + 1 < n && (cls(b[i + 1]) == LETTER || cls(b[i + 1]) == OTHER)) {
                int k = cls(b[i + 1]);
                i++;
                while (i < n && cls(b[i]) == k) i++;
            } else {
                i++;
                while (i < n && cls(b[i]) == c
                        && !(c == SPACE && i + 1 < n && (cls(b[i + 1]) == LETTER || cls(b[i + 1]) == OTHER))) i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    /** Token ids of the UTF-8 bytes of {@code text} (never produces {@link #EOT}). */
    public int[] encode(String text) {
        return encodeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Token ids of any byte string. */
    public int[] encodeBytes(byte[] bytes) {
        int[] out = new int[bytes.length];
        int n = 0;
        for (int[] ch : chunks(bytes)) {
            String k = new String(bytes, ch[0], ch[1] - ch[0], StandardCharsets.ISO_8859_1);
            int[] ids = cache.get(k);
            if (ids == null) {
                ids = encodeChunk(bytes, ch[0], ch[1]);
                if (cache.size() < 200_000) cache.put(k, ids);
            }
            System.arraycopy(ids, 0, out, n, ids.length);
            n += ids.length;
        }
        return Arrays.copyOf(out, n);
    }

    private int[] encodeChunk(byte[] b, int from, int to) {
        int[] s = new int[to - from];
        for (int i = from; i < to; i++) s[i - from] = b[i] & 0xff;
        int n = s.length;
        while (n > 1) {
            int bestId = Integer.MAX_VALUE, at = -1;
            for (int i = 0; i + 1 < n; i++) {
                Integer id = rank.get(key(s[i], s[i + 1]));
                if (id != null && id < bestId) { bestId = id; at = i; }
            }
            if (at < 0) break;
            s[at] = bestId;
            System.arraycopy(s, at + 2, s, at + 1, n - at - 2);
            n--;
        }
        return Arrays.copyOf(s, n);
    }

    /** The text of the ids (invalid UTF-8 becomes U+FFFD; use {@link #decodeBytes} for exact bytes). */
    public String decode(int[] ids) {
        return new String(decodeBytes(ids), StandardCharsets.UTF_8);
    }

    /** The exact bytes of the ids. */
    public byte[] decodeBytes(int[] ids) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int id : ids) out.writeBytes(pieces[id]);
        return out.toByteArray();
    }

    /** The text of one token, as lessons show it (bytes that are not whole UTF-8 show as U+FFFD). */
    public String piece(int id) {
        return new String(pieces[id], StandardCharsets.UTF_8);
    }

    /** The bytes of one token. */
    public byte[] pieceBytes(int id) {
        return pieces[id].clone();
    }

    /** Number of ids: 256 bytes, end-of-text and the merges. */
    public int vocabSize() {
        return pieces.length;
    }

    /** The merge list, in order (merge i makes id 257 + i). */
    public int[][] merges() {
        int[][] m = new int[merges.length][];
        for (int i = 0; i < m.length; i++) m[i] = merges[i].clone();
        return m;
    }
}
