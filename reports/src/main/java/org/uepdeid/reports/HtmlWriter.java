package org.uepdeid.reports;

import java.util.Set;

/**
 * Builds an HTML document in which every text and attribute value is escaped; markup only comes from the report's
 * own constants, never from the model.
 */
final class HtmlWriter {

    private static final Set<String> BLOCKS = Set.of("title", "header", "footer", "section", "div", "p", "h1", "h2",
            "h3", "table", "tr", "details", "summary");

    private final StringBuilder html = new StringBuilder(1 << 16);

    /** Escapes text for an element's content or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Appends markup the report itself wrote (tags, the style sheet); never model text. */
    HtmlWriter markup(String markup) {
        html.append(markup);
        return this;
    }

    HtmlWriter text(String text) {
        html.append(escape(text));
        return this;
    }

    /** Opens {@code tag} with a class ({@code null}: none). */
    HtmlWriter open(String tag, String cssClass) {
        return open(tag, cssClass, null);
    }

    /** Opens {@code tag} with a class and a title, the text a browser shows on hover ({@code null}: none). */
    HtmlWriter open(String tag, String cssClass, String title) {
        html.append('<').append(tag);
        if (cssClass != null) {
            html.append(" class=\"").append(escape(cssClass)).append('"');
        }
        if (title != null) {
            html.append(" title=\"").append(escape(title)).append('"');
        }
        html.append('>');
        return this;
    }

    /** Closes {@code tag}; a block ends its line, so the source reads one block (or table row) a line. */
    HtmlWriter close(String tag) {
        html.append("</").append(tag).append('>');
        if (BLOCKS.contains(tag)) {
            html.append('\n');
        }
        return this;
    }

    /** An element holding only text. */
    HtmlWriter element(String tag, String cssClass, String text) {
        return open(tag, cssClass).text(text).close(tag);
    }

    /** An image whose source the report made (a {@code data:} URI) and whose description is escaped. */
    HtmlWriter image(String cssClass, String dataUri, String description, int width, int height) {
        html.append("<img class=\"").append(escape(cssClass)).append("\" src=\"").append(escape(dataUri))
                .append("\" alt=\"").append(escape(description)).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\">\n");
        return this;
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
