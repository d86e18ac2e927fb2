package org.tunelab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.tunelab.course.Cell;
import org.tunelab.course.Claim;
import org.tunelab.course.Lesson;
import org.tunelab.course.Markdown;

/**
 * Renders a lesson's Markdown to HTML: Java fences become notebook cells (an editor, a toolbar,
 * an output area), headings get anchors, and the level-2/3 headings make the table of contents.
 */
final class LessonHtml {

    /** One entry of the table of contents. */
    record TocEntry(int level, String id, String text) {
    }

    /** The rendered body and its table of contents. */
    record Rendered(String html, List<TocEntry> toc) {
    }

    private LessonHtml() {
    }

    /**
     * @param lesson the lesson
     * @param saved  the student's saved edits, cell id to code; cells without one show the lesson's text
     */
    static Rendered render(Lesson lesson, Map<String, String> saved, Function<String, String> exerciseHtml) {
        Node doc = Markdown.parser().parse(lesson.markdown());
        List<Paragraph> embeds = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                if (Markdown.embeddedExercise(paragraph).isPresent()) {
                    embeds.add(paragraph);
                }
            }
        });
        for (Paragraph p : embeds) {
            p.insertBefore(new ExerciseMarker(Markdown.embeddedExercise(p).orElseThrow()));
            p.unlink();
        }
        List<TocEntry> toc = new ArrayList<>();
        IdGenerator ids = IdGenerator.builder().build();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = plainText(heading);
                String id = ids.generateId(text);
                heading.appendChild(new AnchorMarker(id));
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    toc.add(new TocEntry(heading.getLevel(), id, text));
                }
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(Markdown.EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading h && h.getLastChild() instanceof AnchorMarker m) {
                        attributes.put("id", m.id);
                    }
                })
                .nodeRendererFactory(context -> new CellRenderer(context, lesson, saved, exerciseHtml))
                .build();
        return new Rendered(renderer.render(doc), List.copyOf(toc));
    }

    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }
        });
        return sb.toString();
    }

    /** Carries a heading's id from the visitor to the attribute provider; renders as nothing. */
    private static final class AnchorMarker extends org.commonmark.node.CustomNode {
        final String id;

        AnchorMarker(String id) {
            this.id = id;
        }
    }

    /** Stands where a {@code {{exercise: slug}}} paragraph was. */
    private static final class ExerciseMarker extends org.commonmark.node.CustomBlock {
        final String slug;

        ExerciseMarker(String slug) {
            this.slug = slug;
        }
    }

    /** Renders fences (Java cells as notebook cells, others as plain code), anchors and exercises. */
    private static final class CellRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final Lesson lesson;
        private final Map<String, String> saved;
        private final Function<String, String> exerciseHtml;
        private int cellCount;

        CellRenderer(HtmlNodeRendererContext context, Lesson lesson, Map<String, String> saved,
                     Function<String, String> exerciseHtml) {
            this.html = context.getWriter();
            this.lesson = lesson;
            this.saved = saved;
            this.exerciseHtml = exerciseHtml;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class, AnchorMarker.class, ExerciseMarker.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof ExerciseMarker exercise) {
                html.line();
                html.raw(exerciseHtml.apply(exercise.slug));
                html.line();
                return;
            }
            if (node instanceof AnchorMarker marker) {
                html.raw("<a class=\"anchor\" href=\"#" + marker.id + "\" aria-label=\"Link to this section\">#</a>");
                return;
            }
            FencedCodeBlock fence = (FencedCodeBlock) node;
            if (Markdown.isClaim(fence)) {
                claims(fence);
                return;
            }
            Optional<Cell.Mode> mode = Markdown.cellMode(fence);
            if (mode.isEmpty()) {
                plainBlock(fence);
                return;
            }
            cellCount++;
            Cell cell = lesson.cell("cell-" + cellCount).orElseThrow(() ->
                    new IllegalStateException(lesson.file() + ": cell-" + cellCount + " not in the lesson model"));
            if (!cell.mode().runnable()) {
                html.line();
                html.raw("<div class=\"cell cell-display\" data-cell=\"" + cell.id() + "\">");
                html.raw("<textarea class=\"cell-code\" readonly aria-label=\"Example code (not runnable)\">");
                html.text(cell.code());
                html.raw("</textarea></div>");
                html.line();
                return;
            }
            String code = saved.getOrDefault(cell.id(), cell.code());
            boolean edited = !code.equals(cell.code());
            html.line();
            html.raw("<section class=\"cell" + (edited ? " edited" : "") + "\" data-cell=\"" + cell.id()
                    + "\" data-mode=\"" + cell.mode().word()
                    + "\" aria-label=\"Code cell " + cellCount + "\">");
            html.raw("<div class=\"cell-bar\">");
            html.raw("<button type=\"button\" class=\"run\" title=\"Run (Shift+Enter)\">&#9654; Run</button>");
            html.raw("<span class=\"cell-label\">[" + cellCount + "]</span>");
            if (cell.mode() == Cell.Mode.EXPECT_ERROR) {
                html.raw("<span class=\"badge\" title=\"This cell shows an error on purpose\">fails on purpose</span>");
            }
            html.raw("<span class=\"edited-badge\">edited</span>");
            html.raw("<span class=\"cell-status\" aria-live=\"polite\"></span>");
            html.raw("<button type=\"button\" class=\"reset\" title=\"Put back the lesson's code\">Reset</button>");
            html.raw("</div>");
            html.raw("<textarea class=\"cell-code\" spellcheck=\"false\" aria-label=\"Java code, cell " + cellCount + "\">");
            html.text(code);
            html.raw("</textarea>");
            html.raw("<textarea class=\"cell-original\" hidden aria-hidden=\"true\">");
            html.text(cell.code());
            html.raw("</textarea>");
            html.raw("<div class=\"cell-output\" aria-live=\"polite\"></div>");
            html.raw("</section>");
            html.line();
        }

        /** A quiet badge: the claims in words, each with the expression validate checks. */
        private void claims(FencedCodeBlock fence) {
            List<Claim> claims = Claim.parse(fence.getLiteral(), 0, 0);
            html.line();
            html.raw("<details class=\"claims\"><summary title=\"Checked by the course's validate command every time "
                    + "the course is built\">&#10003; checked claim" + (claims.size() == 1 ? "" : "s") + "</summary><ul>");
            for (Claim claim : claims) {
                html.raw("<li>");
                if (!claim.statement().equals(claim.expression())) {
                    html.text(claim.statement());
                    html.raw(": ");
                }
                html.raw("<code>");
                html.text(claim.expression());
                html.raw("</code></li>");
            }
            html.raw("</ul></details>");
            html.line();
        }

        private void plainBlock(FencedCodeBlock fence) {
            String info = fence.getInfo() == null ? "" : fence.getInfo().strip().split("\\s+")[0];
            html.line();
            html.raw("<pre><code" + (info.isEmpty() ? "" : " class=\"language-" + escapeAttr(info) + "\"") + ">");
            html.text(fence.getLiteral());
            html.raw("</code></pre>");
            html.line();
        }

        private static String escapeAttr(String s) {
            return s.replaceAll("[^A-Za-z0-9_+-]", "");
        }
    }
}
