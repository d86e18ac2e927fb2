package org.tunelab.play;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/** {@link Search#bm25}: an in-memory Lucene index, rebuilt when the knowledge base changes. */
final class Bm25Search extends Search {
    /**
     * Lucene says on its first use, on standard error, whether it found the JDK's vector module: noise in a
     * student's cell. Held here, as the logging framework keeps loggers only while someone refers to them.
     */
    private static final Logger QUIET = quiet("org.apache.lucene.internal.vectorization.VectorizationProvider");
    private static final String TEXT = "text";
    private static final String ROW = "row";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private List<Passage> passages = List.of();
    private IndexSearcher searcher;

    Bm25Search(KnowledgeBase kb) {
        super(kb);
    }

    @Override
    public String name() {
        return "bm25";
    }

    @Override
    void index(List<Passage> passages) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < passages.size(); i++) {
                Document doc = new Document();
                doc.add(new StoredField(ROW, i));
                // the id is searchable too: "KT-200" finds the passage kt-200
                doc.add(new TextField(TEXT, passages.get(i).id() + " " + passages.get(i).text(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            if (searcher != null) {
                searcher.getIndexReader().close(); // the index it read is replaced
            }
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
            this.passages = passages;
        } catch (IOException e) {
            throw new UncheckedIOException("could not index the knowledge base", e);
        }
    }

    @Override
    List<Hit> rank(String query, int k) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        List<String> terms = terms(query);
        for (String term : terms) {
            q.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        List<Hit> hits = new ArrayList<>(k);
        try {
            if (!terms.isEmpty()) {
                for (ScoreDoc d : searcher.search(q.build(), k).scoreDocs) {
                    int row = searcher.storedFields().document(d.doc).getField(ROW).numericValue().intValue();
                    hits.add(new Hit(passages.get(row), hits.size() + 1, d.score));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not search the knowledge base", e);
        }
        return hits;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.OFF);
        return logger;
    }

    /** The query's words as the index holds them: lower case, stemmed, without stop words. */
    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
