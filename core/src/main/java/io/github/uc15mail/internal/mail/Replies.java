package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.DataPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed queries the SDK runs and the parsers of their replies: the only place that reads
 * {@code +CPIN}, {@code +CSQ}, {@code +CGREG}, {@code +QIACT}, {@code +QFLST}, {@code +QFUPL}, {@code +QFLDS},
 * {@code +QSMTPBODY} and the {@code +QSMTPPUT} result.
 */
public final class Replies {

    private static final Pattern QFUPL = Pattern.compile("\\+QFUPL:\\s*(\\d+)\\s*,\\s*([0-9A-Fa-f]+)");
    private static final Pattern QFLST = Pattern.compile("\\+QFLST:\\s*\"([^\"]*)\"\\s*(?:,\\s*(\\d+))?");
    private static final Pattern QIACT =
            Pattern.compile("\\+QIACT:\\s*(\\d+)\\s*,\\s*(\\d+)(?:\\s*,\\s*(\\d+))?(?:\\s*,\\s*\"([^\"]*)\")?");
    private static final Pattern QSMTPPUT = Pattern.compile("\\+QSMTPPUT:\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern QFLDS = Pattern.compile("\\+QFLDS:\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern TWO_INTS = Pattern.compile("\\s*(\\d+)\\s*(?:,\\s*(\\d+))?.*");

    private Replies() {}

    /** A file in the modem's RAM file system, named with its {@code RAM:} prefix. */
    public record RamFile(String name, long size) {}

    /** What {@code +QFUPL: <size>,<checksum>} reported. */
    public record UploadResult(long size, int checksum) {}

    /** Free and total bytes of a storage ({@code +QFLDS: <free>,<total>}). */
    public record Space(long free, long total) {}

    /** The {@code +QSMTPPUT: <err>,<protocol_error>} result of a send. */
    public record PutResult(int error, int protocolError) {
        public boolean sent() {
            return error == 0;
        }
    }

    // ------------------------------------------------------------------ queries

    /** {@code AT+CPIN?} → the {@code +CPIN:} value ({@code READY}, {@code SIM PIN}, ...). */
    public static Query<String> simStatus() {
        return new Query<>(AtCommands.simStatus(), r -> r.value("+CPIN").map(String::strip).orElse("(no +CPIN line)"),
                List.of("+CPIN: READY"));
    }

    /** {@code AT+CSQ} → rssi and ber. */
    public static Query<ModemStatus.Signal> signal() {
        return new Query<>(AtCommands.signalQuality(), r -> r.value("+CSQ").map(Replies::signal)
                .orElse(ModemStatus.Signal.UNKNOWN), List.of("+CSQ: 20,99"));
    }

    /** {@code AT+CGREG?} → the registration. */
    public static Query<ModemStatus.Registration> registration() {
        return new Query<>(AtCommands.registrationStatus(), r -> registration(r.value("+CGREG").orElse("")),
                List.of("+CGREG: 0,1"));
    }

    /** {@code AT+QIACT?} → the contexts listed. */
    public static Query<List<ModemStatus.PdpContext>> activeContexts() {
        return new Query<>(AtCommands.activeContexts(), r -> contexts(r.lines()), List.of());
    }

    /** {@code AT+QFLST="RAM:*"} → the RAM files. */
    public static Query<List<RamFile>> ramFiles() {
        return new Query<>(AtCommands.listFiles("RAM:*"), r -> files(r.lines()), List.of());
    }

    /** {@code AT+QFLDS="RAM"} → free and total bytes; empty if the modem answered no {@code +QFLDS} line. */
    public static Query<Optional<Space>> ramSpace() {
        return new Query<>(AtCommands.storageInfo("RAM"), r -> r.line("+QFLDS").map(QFLDS::matcher)
                .filter(Matcher::find).map(m -> new Space(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))),
                List.of("+QFLDS: 1048576,1048576"));
    }

    /** {@code AT+QFUPL="<file>",...} in ACK mode → the size and checksum the modem stored. */
    public static Query<UploadResult> upload(String file, DataPayload payload) {
        int modemTimeout = (int) Math.min(65535, 60 + payload.length() / 960);
        return new Query<>(AtCommands.upload(file, payload, modemTimeout, true), r -> r.line("+QFUPL")
                .map(QFUPL::matcher).filter(Matcher::find)
                .map(m -> new UploadResult(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2), 16)))
                .orElseThrow(() -> new Uc15Exception("the modem did not report the size and checksum of " + file)),
                List.of(String.format("+QFUPL: %d,%x", payload.length(), 0)));
    }

    /** {@code AT+QSMTPBODY=...} → the number of body bytes the modem took. */
    public static Query<Long> body(int charset, byte[] body, int inputTimeSeconds) {
        return new Query<>(AtCommands.body(charset, body, inputTimeSeconds), r -> r.value("+QSMTPBODY")
                .map(v -> Long.parseLong(v.strip())).orElse((long) body.length), List.of("+QSMTPBODY: " + body.length));
    }

    // ------------------------------------------------------------------ parsers

    /** {@code 20,99} → the signal; unknown when unreadable. */
    public static ModemStatus.Signal signal(String csq) {
        Matcher m = TWO_INTS.matcher(csq);
        if (!m.matches()) {
            return ModemStatus.Signal.UNKNOWN;
        }
        return new ModemStatus.Signal(Integer.parseInt(m.group(1)), m.group(2) == null ? 99 : Integer.parseInt(m.group(2)));
    }

    /** {@code 0,1} (or an unsolicited {@code 1}) → the registration. */
    public static ModemStatus.Registration registration(String cgreg) {
        String raw = cgreg.strip();
        String[] fields = raw.split(",");
        String stat = (fields.length >= 2 ? fields[1] : fields[0]).strip();
        try {
            return new ModemStatus.Registration(raw, ModemStatus.RegistrationState.of(Integer.parseInt(stat)));
        } catch (NumberFormatException e) {
            return new ModemStatus.Registration(raw, ModemStatus.RegistrationState.UNKNOWN);
        }
    }

    static List<ModemStatus.PdpContext> contexts(List<String> lines) {
        List<ModemStatus.PdpContext> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = QIACT.matcher(line);
            if (m.find()) {
                out.add(new ModemStatus.PdpContext(Integer.parseInt(m.group(1)), m.group(2).equals("1"),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4)));
            }
        }
        return out;
    }

    static List<RamFile> files(List<String> lines) {
        List<RamFile> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = QFLST.matcher(line);
            if (m.find()) {
                String name = m.group(1);
                out.add(new RamFile(name.startsWith("RAM:") ? name : "RAM:" + name,
                        m.group(2) == null ? -1 : Long.parseLong(m.group(2))));
            }
        }
        return out;
    }

    /** The {@code +QSMTPPUT:} result line. */
    public static PutResult putResult(String line) {
        Matcher m = QSMTPPUT.matcher(line);
        if (!m.find()) {
            throw new Uc15Exception("could not read the send result " + line);
        }
        return new PutResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
