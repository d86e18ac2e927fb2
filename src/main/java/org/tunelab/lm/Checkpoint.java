package org.tunelab.lm;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny's binary checkpoint format, version 1. All numbers are little-endian; a string is an
 * int32 byte count followed by UTF-8 bytes.
 *
 * <pre>
 * magic    4 bytes  "TINY"
 * version  int32    1
 * kind     int32    0 = model (weights, optionally with a LoRA adapter), 1 = LoRA adapter only
 * -- kind 0 --
 * id       string   model id, e.g. "tiny-base" or "ft-3f2a"
 * config   6 x int32  vocabSize, dim, layers, heads, contextLength, hiddenDim
 * merges   int32 n, then n x (int32 a, int32 b): BPE merge i makes token 257 + i
 * params   int32 n, then n x float32: the parameter vector in {@link Weights} order
 * adapter  int32 0 (none) or 1 followed by an adapter record (below)
 * -- kind 1 --
 * adapter record: id string, baseId string, rank int32, alpha float32, int32 n, n x float32
 * </pre>
 *
 * A reader refuses other magic numbers and versions with a message that says what it found.
 * Training state (AdamW moments, step, data position) is not part of this format; the
 * training command keeps it in a separate ".state" file (see {@code TrainBase}).
 */
public final class Checkpoint {

    /** Current format version. */
    public static final int VERSION = 1;
    private static final int MAGIC = 0x594E4954; // "TINY" read little-endian

    private Checkpoint() {
    }

    /** Writes a model (with its adapter if it has one). */
    public static void save(Tiny tiny, Path path) {
        write(path, out -> {
            header(out, 0);
            str(out, tiny.id());
            TinyConfig c = tiny.config();
            for (int v : new int[] {c.vocabSize(), c.dim(), c.layers(), c.heads(), c.contextLength(), c.hiddenDim()}) out.writeInt(Integer.reverseBytes(v));
            int[][] m = tiny.tokenizer().merges();
            out.writeInt(Integer.reverseBytes(m.length));
            for (int[] pair : m) { out.writeInt(Integer.reverseBytes(pair[0])); out.writeInt(Integer.reverseBytes(pair[1])); }
            floats(out, tiny.paramsShared());
            out.writeInt(Integer.reverseBytes(tiny.adapter() == null ? 0 : 1));
            if (tiny.adapter() != null) adapter(out, tiny.adapter());
        });
    }

    /** Writes only a LoRA adapter (it names the base model it belongs to). */
    public static void saveAdapter(LoraAdapter a, Path path) {
        write(path, out -> { header(out, 1); adapter(out, a); });
    }

    /** Reads a model file (kind 0). */
    public static Tiny load(Path path) {
        try {
            return read(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading checkpoint " + path, e);
        }
    }

    /** Reads an adapter file (kind 1). */
    public static LoraAdapter loadAdapter(Path path) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
            if (header(b, path.toString()) != 1) throw new IllegalArgumentException(path + ": not a LoRA adapter file");
            return adapter(b);
        } catch (IOException e) {
            throw new UncheckedIOException("reading adapter " + path, e);
        }
    }

    static Tiny read(byte[] bytes, String where) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        where = where == null ? "class path /tiny/tiny-base.bin" : where;
        if (header(b, where) != 0) throw new IllegalArgumentException(where + ": an adapter file, not a model; use loadAdapter");
        String id = str(b);
        TinyConfig c = new TinyConfig(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt());
        int[][] merges = new int[b.getInt()][];
        for (int i = 0; i < merges.length; i++) merges[i] = new int[] {b.getInt(), b.getInt()};
        float[] p = floats(b);
        LoraAdapter a = b.getInt() == 1 ? adapter(b) : null;
        return new Tiny(id, c, new Tokenizer(merges), p, a);
    }

    private interface Body { void write(DataOutputStream out) throws IOException; }

    private static void write(Path path, Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) { body.write(out); }
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing checkpoint " + path, e);
        }
    }

    private static void header(DataOutputStream out, int kind) throws IOException {
        out.writeInt(Integer.reverseBytes(MAGIC));
        out.writeInt(Integer.reverseBytes(VERSION));
        out.writeInt(Integer.reverseBytes(kind));
    }

    private static int header(ByteBuffer b, String where) {
        int magic = b.getInt();
        if (magic != MAGIC) throw new IllegalArgumentException(where + ": not a Tiny checkpoint (magic 0x" + Integer.toHexString(magic) + ")");
        int v = b.getInt();
        if (v != VERSION) throw new IllegalArgumentException(where + ": checkpoint version " + v + ", this code reads " + VERSION);
        return b.getInt();
    }

    private static void adapter(DataOutputStream out, LoraAdapter a) throws IOException {
        str(out, a.id());
        str(out, a.baseId());
        out.writeInt(Integer.reverseBytes(a.rank()));
        out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(a.alpha())));
        floats(out, a.data());
    }

    private static LoraAdapter adapter(ByteBuffer b) {
        String id = str(b), base = str(b);
        int r = b.getInt();
        float alpha = b.getFloat();
        return new LoraAdapter(id, base, r, alpha, floats(b));
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(Integer.reverseBytes(u.length));
        out.write(u);
    }

    private static String str(ByteBuffer b) {
        byte[] u = new byte[b.getInt()];
        b.get(u);
        return new String(u, StandardCharsets.UTF_8);
    }

    private static void floats(DataOutputStream out, float[] f) throws IOException {
        out.writeInt(Integer.reverseBytes(f.length));
        ByteBuffer bb = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(f);
        out.write(bb.array());
    }

    private static float[] floats(ByteBuffer b) {
        float[] f = new float[b.getInt()];
        b.asFloatBuffer().get(f);
        b.position(b.position() + f.length * 4);
        return f;
    }
}
