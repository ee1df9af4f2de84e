package io.github.uc15mail.gateway.internal.http;

import io.github.uc15mail.gateway.ModemHealth;
import io.github.uc15mail.gateway.QueueView;
import java.util.List;
import java.util.Map;

/**
 * {@code /health}: {@code {"status":"UP"|"DOWN","modems":[...],"queue":{...}}}; DOWN (HTTP 503) when no
 * modem can send.
 */
public final class HealthJson {

    private HealthJson() {}

    public static boolean up(List<ModemHealth> modems) {
        return modems.stream().anyMatch(ModemHealth::canSend);
    }

    public static String render(List<ModemHealth> modems, Map<QueueView.State, Long> counts) {
        StringBuilder out = new StringBuilder("{\"status\":").append(up(modems) ? "\"UP\"" : "\"DOWN\"")
                .append(",\"modems\":[");
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
