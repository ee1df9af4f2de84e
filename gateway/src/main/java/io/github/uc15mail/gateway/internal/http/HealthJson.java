package io.github.uc15mail.gateway.internal.http;

import io.github.uc15mail.gateway.ModemHealth;
import io.github.uc15mail.gateway.QueueView;
import java.util.List;
import java.util.Map;

/**
 * {@code /health}: {@code {"status":"UP"|"DOWN","reason":...,"modems":[...],"queue":{...}}}; DOWN (HTTP 503)
 * when no modem can send, or when sending is paused (the reason names it, such as a refused SMTP account).
 */
public final class HealthJson {

    private HealthJson() {}

    public static boolean up(List<ModemHealth> modems) {
        return modems.stream().anyMatch(ModemHealth::canSend);
    }

    public static boolean up(List<ModemHealth> modems, String pausedBecause) {
        return pausedBecause == null && up(modems);
    }

    public static String render(List<ModemHealth> modems, Map<QueueView.State, Long> counts) {
        return render(modems, counts, null);
    }

    /** As {@link #render(List, Map)}, DOWN with {@code pausedBecause} as the reason when it is not null. */
    public static String render(List<ModemHealth> modems, Map<QueueView.State, Long> counts, String pausedBecause) {
        StringBuilder out = new StringBuilder("{\"status\":").append(up(modems, pausedBecause) ? "\"UP\"" : "\"DOWN\"");
        if (pausedBecause != null) {
            out.append(",\"reason\":").append(Text.json("sending paused: " + pausedBecause));
        } else if (!up(modems)) {
            out.append(",\"reason\":").append(Text.json("no modem can send"));
        }
        out.append(",\"modems\":[");
        for (int i = 0; i < modems.size(); i++) {
            ModemHealth m = modems.get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":").append(Text.json(m.name()))
                    .append(",\"state\":").append(Text.json(m.state()))
                    .append(",\"canSend\":").append(m.canSend())
                    .append(",\"signal\":").append(m.signal())
                    .append(",\"registered\":").append(m.registered())
                    .append(",\"lastError\":").append(Text.json(m.lastError())).append('}');
        }
        out.append("],\"queue\":{");
        QueueView.State[] states = QueueView.State.values();
        for (int i = 0; i < states.length; i++) {
            out.append(i == 0 ? "" : ",").append('"').append(states[i].name()).append("\":")
                    .append(counts.getOrDefault(states[i], 0L));
        }
        return out.append("}}").toString();
    }
}
