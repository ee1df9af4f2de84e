package io.github.uc15mail.gateway.internal.http;

import io.github.uc15mail.gateway.ModemHealth;
import io.github.uc15mail.gateway.QueueView;
import io.github.uc15mail.gateway.QueueView.MessageSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The status page: modems, queue counts and the last messages, readable on a phone. Every value from
 * the queue or the modems is escaped. Retry and cancel buttons appear only in admin mode, and only for
 * messages in a state where they apply.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:1rem;max-width:60rem}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem;border-bottom:1px solid #ddd;"
            + "vertical-align:top;white-space:nowrap}td.t{white-space:normal;overflow-wrap:anywhere}td.a{white-space:normal}td.err{color:#a00}.counts span{display:inline-block;"
            + "margin:0 1rem .5rem 0}form{display:inline}button{padding:.4rem .8rem;margin:.1rem}"
            + ".ok{color:#070}.bad{color:#a00}@media(max-width:40rem){.wide{display:none}}";

    private StatusPage() {}

    public static String render(List<ModemHealth> modems, Map<QueueView.State, Long> counts,
            List<MessageSummary> messages, boolean admin, String token, String notice) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>uc15mail gateway</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>uc15mail gateway</h1>");
        if (notice != null) {
            out.append("<p id=\"notice\">").append(Text.html(notice)).append("</p>");
        }
        modems(out, modems);
        out.append("<h2>Queue</h2><p class=\"counts\" id=\"counts\">");
        for (QueueView.State s : QueueView.State.values()) {
            out.append("<span>").append(s.name()).append(" <b data-state=\"").append(s.name()).append("\">")
                    .append(counts.getOrDefault(s, 0L)).append("</b></span>");
        }
        out.append("</p>");
        messages(out, messages, admin, token);
        out.append("<p><a href=\"/\">Refresh</a> · <a href=\"/health\">health</a> · <a href=\"/metrics\">metrics</a>")
                .append(admin ? "" : " · read-only").append("</p></body></html>");
        return out.toString();
    }

    private static void modems(StringBuilder out, List<ModemHealth> modems) {
        out.append("<h2>Modems</h2>");
        if (modems.isEmpty()) {
            out.append("<p class=\"bad\">No modem configured.</p>");
            return;
        }
        out.append("<table id=\"modems\"><tr><th>modem</th><th>state</th><th>signal</th><th class=\"wide\">network</th>")
                .append("<th>last error</th></tr>");
        for (ModemHealth m : modems) {
            out.append("<tr><td>").append(Text.html(m.name())).append("</td><td class=\"")
                    .append(m.canSend() ? "ok" : "bad").append("\">").append(Text.html(m.state()))
                    .append("</td><td>").append(m.signal() < 0 ? "?" : m.signal() + "/31")
                    .append("</td><td class=\"wide\">").append(m.registered() ? "registered" : "not registered")
                    .append("</td><td class=\"err t\">").append(Text.html(m.lastError())).append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void messages(StringBuilder out, List<MessageSummary> messages, boolean admin, String token) {
        out.append("<h2>Last ").append(messages.size()).append(" messages</h2>");
        out.append("<table id=\"messages\"><tr><th>id</th><th>state</th><th class=\"wide\">to</th><th>subject</th>")
                .append("<th class=\"wide\">updated</th><th>error</th>").append(admin ? "<th></th>" : "").append("</tr>");
        for (MessageSummary m : messages) {
            out.append("<tr data-id=\"").append(Text.html(m.id())).append("\"><td>").append(Text.html(m.id()))
                    .append("</td><td>").append(m.state().name()).append("</td><td class=\"wide\">")
                    .append(m.recipients()).append("</td><td class=\"t\">").append(Text.html(m.subject()))
                    .append("</td><td class=\"wide\">").append(m.updated() == null ? "" : TIME.format(m.updated()))
                    .append("</td><td class=\"err t\">").append(Text.html(m.lastError())).append("</td>");
            if (admin) {
                out.append("<td class=\"a\">");
                if (m.state() == QueueView.State.FAILED || m.state() == QueueView.State.UNKNOWN) {
                    button(out, "retry", m.id(), token);
                    button(out, "cancel", m.id(), token);
                } else if (m.state() == QueueView.State.QUEUED) {
                    button(out, "cancel", m.id(), token);
                }
                out.append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table>");
    }

    private static void button(StringBuilder out, String action, String id, String token) {
        out.append("<form method=\"post\" action=\"/").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"id\" value=\"").append(Text.html(id)).append("\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Text.html(token)).append("\">")
                .append("<button type=\"submit\" name=\"action\" value=\"").append(action).append("\">")
                .append(action.equals("retry") ? "Retry" : "Cancel").append("</button></form>");
    }
}
