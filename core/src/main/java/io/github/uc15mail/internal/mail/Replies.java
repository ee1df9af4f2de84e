package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.internal.AtText;
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
    private static final Pattern QSMTPPUT = Pattern.compile("\\+QSMTPPUT:\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern QFLDS = Pattern.compile("\\+QFLDS:\\s*(\\d+)\\s*,\\s*(\\d+)");

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

    // ------------------------------------------------------------------ typed commands

    /** {@code AT+CPIN?} → the {@code +CPIN:} value ({@code READY}, {@code SIM PIN}, ...). */
    public static AtCommand<String> simStatus() {
        return Commands.simStatus();
    }

    /** {@code AT+CSQ} → rssi and ber. */
    public static AtCommand<ModemStatus.Signal> signal() {
        return Commands.signalQuality().map(s -> new ModemStatus.Signal(s.rssi(), s.ber()));
    }

    /** {@code AT+CGREG?} → the registration. */
    public static AtCommand<ModemStatus.Registration> registration() {
        return Commands.registrationStatus().map(Replies::registration);
    }

    /** {@code AT+QIACT?} → the contexts listed. */
    public static AtCommand<List<ModemStatus.PdpContext>> activeContexts() {
        return Commands.activeContexts().map(list -> list.stream()
                .map(c -> new ModemStatus.PdpContext(c.id(), c.active(), c.type(), c.address())).toList());
    }

    /** {@code AT+QFLST="RAM:*"} → the RAM files. */
    public static AtCommand<List<RamFile>> ramFiles() {
        return Commands.listFiles("RAM:*").returning(r -> files(r.lines()), List.of());
    }

    /** {@code AT+QFLDS="RAM"} → free and total bytes; empty if the modem answered no {@code +QFLDS} line. */
    public static AtCommand<Optional<Space>> ramSpace() {
        return Commands.storageInfo("RAM").returning(r -> r.line("+QFLDS").map(QFLDS::matcher)
                .filter(Matcher::find).map(m -> new Space(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))),
                List.of("+QFLDS: 1048576,1048576"));
    }

    /** {@code AT+QFUPL="<file>",...} in ACK mode → the size and checksum the modem stored. */
    public static AtCommand<UploadResult> upload(String file, DataPayload payload) {
        int modemTimeout = (int) Math.min(65535, 60 + payload.length() / 960);
        return Commands.upload(file, payload, modemTimeout, true).returning(r -> r.line("+QFUPL")
                .map(QFUPL::matcher).filter(Matcher::find)
                .map(m -> new UploadResult(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2), 16)))
                .orElseThrow(() -> new Uc15Exception("the modem did not report the size and checksum of " + file)),
                List.of(String.format("+QFUPL: %d,%x", payload.length(), 0)));
    }

    /** {@code AT+QSMTPBODY=...} → the number of body bytes the modem took. */
    public static AtCommand<Long> body(int charset, byte[] body, int inputTimeSeconds) {
        return Commands.body(charset, body, inputTimeSeconds).returning(r -> r.value("+QSMTPBODY")
                .map(v -> Long.parseLong(v.strip())).orElse((long) body.length), List.of("+QSMTPBODY: " + body.length));
    }

    // ------------------------------------------------------------------ parsers

    /** {@code 20,99} → the signal; unknown when unreadable. */
    public static ModemStatus.Signal signal(String csq) {
        int[] v = AtText.leadingInts(csq, 2);
        return v.length == 0 ? ModemStatus.Signal.UNKNOWN : new ModemStatus.Signal(v[0], v.length > 1 ? v[1] : 99);
    }

    /** {@code 0,1} (or an unsolicited {@code 1}) → the registration. */
    public static ModemStatus.Registration registration(String cgreg) {
        return registration(Commands.Registration.parse(cgreg));
    }

    private static ModemStatus.Registration registration(Commands.Registration r) {
        return new ModemStatus.Registration(r.raw(), r.stat() < 0 ? ModemStatus.RegistrationState.UNKNOWN
                : ModemStatus.RegistrationState.of(r.stat()));
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
