package io.github.uc15mail.gateway.internal.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A plain-text rendering of an HTML mail for a reader without HTML: paragraphs and line breaks kept,
 * list items as {@code - item}, links as {@code text <url>}, images as their alt text, scripts and styles
 * dropped. Parsed with jsoup, which copes with the broken HTML mail programs produce. It does not try to
 * lay out tables or keep emphasis.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "table", "tr", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dl", "dt",
            "dd", "address", "center", "form", "fieldset", "main", "nav", "aside", "figure", "figcaption");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");

    private HtmlText() {}

    /** The text of {@code html}, lines separated by LF, no trailing blank lines. */
    public static String render(String html) {
        Document doc = Jsoup.parse(html);
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, doc.body());
        return renderer.result();
    }

    private static final class Renderer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int skipDepth;
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                String name = e.normalName();
                if (SKIPPED.contains(name) || skipDepth > 0) {
                    skipDepth++;
                    return;
                }
                if (name.equals("pre")) {
                    preDepth++;
                }
                if (name.equals("br")) {
                    out.append('\n');
                } else if (name.equals("li")) {
                    newLine();
                    out.append("- ");
                } else if (name.equals("td") || name.equals("th")) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append("  ");
                    }
                } else if (name.equals("img") && !e.attr("alt").isBlank()) {
                    out.append('[').append(e.attr("alt").strip()).append(']');
                } else if (BLOCKS.contains(name)) {
                    blankLineIfParagraph(name);
                }
            } else if (node instanceof TextNode t && skipDepth == 0) {
                appendText(t);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String name = e.normalName();
            if (skipDepth > 0) {
                skipDepth--;
                return;
            }
            if (name.equals("pre")) {
                preDepth--;
            }
            if (name.equals("a")) {
                String href = e.attr("href").strip();
                String text = e.text().strip();
                if ((href.startsWith("http:") || href.startsWith("https:") || href.startsWith("mailto:"))
                        && !href.equals(text) && !href.equals("mailto:" + text)) {
                    out.append(" <").append(href).append('>');
                }
            } else if (BLOCKS.contains(name)) {
                blankLineIfParagraph(name);
            }
        }

        private void appendText(TextNode t) {
            if (preDepth > 0) {
                out.append(t.getWholeText());
                return;
            }
            String text = t.getWholeText().replaceAll("[\\s\\u00A0]+", " ");
            boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
            boolean afterSpace = atLineStart || out.charAt(out.length() - 1) == ' ';
            if (afterSpace && text.startsWith(" ")) {
                text = text.substring(1);
            }
            out.append(text);
        }

        /** Paragraph-like blocks stand apart by a blank line; others start on a line of their own. */
        private void blankLineIfParagraph(String name) {
            newLine();
            if (name.equals("p") || name.startsWith("h") && name.length() == 2 || name.equals("blockquote")
                    || name.equals("table") || name.equals("ul") || name.equals("ol") || name.equals("pre")) {
                if (out.length() > 0 && !endsWith("\n\n")) {
                    out.append('\n');
                }
            }
        }

        private void newLine() {
            trimTrailingSpaces();
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            int n = out.length();
            while (n > 0 && out.charAt(n - 1) == ' ') {
                n--;
            }
            out.setLength(n);
        }

        private boolean endsWith(String s) {
            return out.length() >= s.length() && out.substring(out.length() - s.length()).equals(s);
        }

        String result() {
            String text = out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
            return text.strip();
        }
    }
}
