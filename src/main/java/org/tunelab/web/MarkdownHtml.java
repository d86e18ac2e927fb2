package org.tunelab.web;

import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.html.HtmlRenderer;
import org.tunelab.course.Markdown;

/** Plain Markdown rendering for short texts (exercise tasks, hints), in the course's dialect. */
final class MarkdownHtml {
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(Markdown.EXTENSIONS).build();

    private static final HtmlRenderer SAFE = HtmlRenderer.builder().extensions(Markdown.EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownHtml() {
    }

    static String block(String markdown) {
        return RENDERER.render(Markdown.parser().parse(markdown));
    }

    /** Markdown from a student (a playground cell): raw HTML escaped, only safe link targets kept. */
    static String safeBlock(String markdown) {
        return SAFE.render(Markdown.parser().parse(markdown));
    }

    /** A one-paragraph text without its {@code <p>} wrapper. */
    static String inline(String markdown) {
        Node doc = Markdown.parser().parse(markdown);
        if (doc.getFirstChild() instanceof Paragraph p && p.getNext() == null) {
            StringBuilder sb = new StringBuilder();
            for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
                sb.append(RENDERER.render(n));
            }
            return sb.toString().strip();
        }
        return RENDERER.render(doc).strip();
    }
}
