package io.github.uc15mail.at;

import static io.github.uc15mail.at.internal.AtText.requireAtString;
import static io.github.uc15mail.at.internal.AtText.requireRange;

import io.github.uc15mail.at.internal.AtText;
import java.util.List;

/**
 * One factory per command the SDK uses, each checking its parameters against the UC15 manual's limits
 * before anything is written: string parameters must be printable ASCII without {@code "}, CR or LF and
 * within their byte limits, numbers within their ranges. A bad value throws an
 * {@link IllegalArgumentException} that names the field, the limit and the value (secrets hidden).
 */
public final class Commands {

    /** Longest string the SMTP commands take (manual 2.1-2.5). */
    public static final int SMTP_STRING_MAX = 50;
    /** Longest ASCII subject. */
    public static final int SUBJECT_ASCII_MAX = 100;
    /** Longest hex subject (two digits per byte). */
    public static final int SUBJECT_HEX_MAX = 200;
    /** Longest email body in bytes. */
    public static final int BODY_MAX = 10240;
    /** Longest file name {@code AT+QFUPL} takes. */
    public static final int FILE_NAME_MAX = 80;

    private Commands() {}

    private static AtCommand<AtResponse> cmd(String line, CommandKind kind, String prefix) {
        return AtCommand.of(line, null, kind, prefix, false, null);
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static AtCommand<AtResponse> smtpCfg(String rest) {
        return cmd("AT+QSMTPCFG=" + rest, CommandKind.SMTP_CONFIG, "+QSMTPCFG");
    }

    private static AtCommand<AtResponse> content(String line, String prefix) {
        return cmd(line, CommandKind.SMTP_CONTENT, prefix);
    }

    /** A checked, quoted string parameter that is no secret. */
    private static String str(String field, String value, int maxBytes) {
        return q(requireAtString(field, value, maxBytes, false));
    }

    // ---- basic control and status: typed queries

    public static AtCommand<AtResponse> at() {
        return cmd("AT", CommandKind.CONTROL, null);
    }

    /** {@code ATE0} (echo off) or {@code ATE1}. */
    public static AtCommand<AtResponse> echo(boolean on) {
        return cmd(on ? "ATE1" : "ATE0", CommandKind.CONTROL, null);
    }

    /** {@code AT+CMEE=<n>}: 0 bare ERROR, 1 numeric codes, 2 text. */
    public static AtCommand<AtResponse> cmee(int mode) {
        return cmd("AT+CMEE=" + requireRange("CMEE mode", mode, 0, 2), CommandKind.CONTROL, "+CMEE");
    }

    /** {@code ATI}: the module's identity lines (manufacturer, model, revision). */
    public static AtCommand<List<String>> identify() {
        return AtCommand.of("ATI", null, CommandKind.CONTROL, null, true, null)
                .returning(AtResponse::lines, List.of("Quectel", "UC15", "Revision: UC15 (on paper)"));
    }

    /** {@code AT+CPIN?}: the SIM's state, {@code READY} when usable ({@code SIM PIN}, ... otherwise). */
    public static AtCommand<String> simStatus() {
        return cmd("AT+CPIN?", CommandKind.STATUS, "+CPIN").returning(
                r -> r.value("+CPIN").map(String::strip).orElse("(no +CPIN line)"), List.of("+CPIN: READY"));
    }

    /** {@code AT+CSQ}: the signal quality; {@link SignalQuality#UNKNOWN} when the reply is unreadable. */
    public static AtCommand<SignalQuality> signalQuality() {
        return cmd("AT+CSQ", CommandKind.STATUS, "+CSQ").returning(r -> r.value("+CSQ").map(SignalQuality::parse)
                .orElse(SignalQuality.UNKNOWN), List.of("+CSQ: 20,99"));
    }

    /** {@code AT+CGREG?}: the packet-domain registration. */
    public static AtCommand<Registration> registrationStatus() {
        return cmd("AT+CGREG?", CommandKind.STATUS, "+CGREG").returning(
                r -> Registration.parse(r.value("+CGREG").orElse("")), List.of("+CGREG: 0,1"));
    }

    /** {@code AT+CGATT?}: whether the module is attached to the packet domain. */
    public static AtCommand<Boolean> attachStatus() {
        return cmd("AT+CGATT?", CommandKind.STATUS, "+CGATT").returning(
                r -> r.value("+CGATT").map(v -> v.strip().equals("1")).orElse(false), List.of("+CGATT: 1"));
    }

    /** {@code AT+QIACT?}: the active PDP contexts (an empty list when none is). */
    public static AtCommand<List<PdpContext>> activeContexts() {
        return cmd("AT+QIACT?", CommandKind.PDP_CONFIG, "+QIACT").returning(r -> PdpContext.parse(r.lines()),
                List.of());
    }

    /** {@code +CSQ: <rssi>,<ber>}: rssi 0-31 (99 unknown), ber 0-7 (99 unknown). */
    public record SignalQuality(int rssi, int ber) {
        /** Nothing known. */
        public static final SignalQuality UNKNOWN = new SignalQuality(99, 99);

        static SignalQuality parse(String csq) {
            int[] v = AtText.leadingInts(csq, 2);
            return v.length == 0 ? UNKNOWN : new SignalQuality(v[0], v.length > 1 ? v[1] : 99);
        }
    }

    /** {@code +CGREG: [<n>,]<stat>}: {@code stat} 1 registered at home, 5 roaming, 0/2/3/4 not registered. */
    public record Registration(String raw, int stat) {
        /** Whether {@code stat} is 1 (home) or 5 (roaming). */
        public boolean registered() {
            return stat == 1 || stat == 5;
        }

        /** Reads the text after {@code +CGREG: } of a reply or a URC; stat is -1 when unreadable. */
        public static Registration parse(String cgreg) {
            return new Registration(cgreg.strip(), AtText.registrationStat(cgreg));
        }
    }

    /** {@code +QIACT: <id>,<state>,<type>[,"<ip>"]}: a context, active when state is 1; type 1 IPv4, 2 IPv6. */
    public record PdpContext(int id, boolean active, int type, String address) {
        static List<PdpContext> parse(List<String> lines) {
            return lines.stream().map(AtText::qiact).filter(java.util.Objects::nonNull)
                    .map(f -> new PdpContext(Integer.parseInt(f[0]), f[1].equals("1"),
                            f[2] == null ? 0 : Integer.parseInt(f[2]), f[3] == null ? "" : f[3]))
                    .toList();
        }
    }

    // ---- PDP context

    /**
     * {@code AT+QICSGP=<cid>,<type>,"<apn>","<user>","<pass>",<auth>}: configures a PDP context.
     *
     * @param contextType 1 IPv4, 2 IPv6, 3 IPv4v6
     * @param auth 0 none, 1 PAP, 2 CHAP, 3 PAP or CHAP
     */
    public static AtCommand<AtResponse> configureContext(int contextId, int contextType, String apn, String user, String password,
            int auth) {
        requireRange("context id", contextId, 1, 16);
        requireRange("context type", contextType, 1, 3);
        requireAtString("APN password", password, 62, true);
        requireRange("APN authentication", auth, 0, 3);
        String head = "AT+QICSGP=" + contextId + "," + contextType + "," + str("APN", apn, 62) + ","
                + str("APN user", user, 62) + ",";
        return AtCommand.of(head + q(password) + "," + auth, head + q(AtText.MASK) + "," + auth, CommandKind.PDP_CONFIG,
                "+QICSGP", false, null);
    }

    public static AtCommand<AtResponse> activateContext(int contextId) {
        return cmd("AT+QIACT=" + requireRange("context id", contextId, 1, 16), CommandKind.PDP_ACTIVATE, "+QIACT");
    }

    public static AtCommand<AtResponse> deactivateContext(int contextId) {
        return cmd("AT+QIDEACT=" + requireRange("context id", contextId, 1, 16), CommandKind.PDP_DEACTIVATE, null);
    }

    // ---- SSL

    /** {@code AT+QSSLCFG="sslversion",<ctx>,<0-4>}. */
    public static AtCommand<AtResponse> sslVersion(int sslContextId, int version) {
        return sslSetting("sslversion", sslContextId, String.valueOf(requireRange("SSL version", version, 0, 4)));
    }

    /** {@code AT+QSSLCFG="ciphersuite",<ctx>,0x<hex>}. */
    public static AtCommand<AtResponse> sslCipherSuite(int sslContextId, int cipherSuite) {
        requireRange("cipher suite", cipherSuite, 0, 0xFFFF);
        return sslSetting("ciphersuite", sslContextId, String.format("0x%04X", cipherSuite));
    }

    /** {@code AT+QSSLCFG="seclevel",<ctx>,<0-2>}. */
    public static AtCommand<AtResponse> sslSecurityLevel(int sslContextId, int level) {
        return sslSetting("seclevel", sslContextId, String.valueOf(requireRange("SSL security level", level, 0, 2)));
    }

    /** {@code AT+QSSLCFG="cacert",<ctx>,"<file>"}. */
    public static AtCommand<AtResponse> sslCaCertificate(int sslContextId, String file) {
        return sslSetting("cacert", sslContextId, str("CA certificate file", file, FILE_NAME_MAX));
    }

    private static AtCommand<AtResponse> sslSetting(String name, int sslContextId, String value) {
        requireRange("SSL context id", sslContextId, 0, 5);
        return cmd("AT+QSSLCFG=" + q(name) + "," + sslContextId + "," + value, CommandKind.SSL_CONFIG, "+QSSLCFG");
    }

    // ---- SMTP configuration

    public static AtCommand<AtResponse> smtpAccount(String user, String password) {
        requireAtString("account password", password, SMTP_STRING_MAX, true);
        String head = "AT+QSMTPCFG=\"account\"," + str("account user", user, SMTP_STRING_MAX) + ",";
        return AtCommand.of(head + q(password), head + q(AtText.MASK), CommandKind.SMTP_CONFIG, "+QSMTPCFG", false,
                null);
    }

    public static AtCommand<AtResponse> smtpSender(String name, String address) {
        return smtpCfg("\"sender\"," + str("sender name", name, SMTP_STRING_MAX)
                + "," + str("sender address", address, SMTP_STRING_MAX));
    }

    public static AtCommand<AtResponse> smtpServer(String host, int port) {
        requireRange("server port", port, 1, 65535);
        return smtpCfg("\"smtpserver\"," + str("server host", host, SMTP_STRING_MAX) + "," + port);
    }

    public static AtCommand<AtResponse> smtpContextId(int contextId) {
        return smtpCfg("\"contextid\"," + requireRange("context id", contextId, 1, 16));
    }

    public static AtCommand<AtResponse> smtpSslContextId(int sslContextId) {
        return smtpCfg("\"sslctxid\"," + requireRange("SSL context id", sslContextId, 0, 5));
    }

    /** {@code AT+QSMTPCFG="ssltype",<0-2>}: 0 none, 1 SSL/TLS, 2 STARTTLS. */
    public static AtCommand<AtResponse> smtpSslType(int sslType) {
        return smtpCfg("\"ssltype\"," + requireRange("SSL type", sslType, 0, 2));
    }

    /** {@code AT+QSMTPCFG="<setting>"}: reads one setting back. */
    public static AtCommand<AtResponse> smtpQuery(String setting) {
        String s = requireAtString("SMTP setting", setting, 20, false);
        return smtpCfg(q(s));
    }

    // ---- SMTP content

    /** {@code AT+QSMTPDST=1,<type>,"<address>"}: type 1 To, 2 Cc, 3 Bcc. */
    public static AtCommand<AtResponse> addRecipient(int type, String address) {
        requireRange("recipient type", type, 1, 3);
        return content("AT+QSMTPDST=1," + type + "," + str("recipient address", address, SMTP_STRING_MAX), "+QSMTPDST");
    }

    /** {@code AT+QSMTPSUB=0,"<subject>"}: an ASCII subject, at most 100 characters. */
    public static AtCommand<AtResponse> subjectAscii(String subject) {
        return content("AT+QSMTPSUB=0," + str("subject", subject, SUBJECT_ASCII_MAX), "+QSMTPSUB");
    }

    /**
     * {@code AT+QSMTPSUB=<charset>,"<hex>"}: a subject given as its encoded bytes (charset 1 UTF-8,
     * 2 GB2312, 3 BIG5), at most 100 bytes (200 hex digits).
     */
    public static AtCommand<AtResponse> subjectEncoded(int charset, byte[] encoded) {
        requireRange("subject charset", charset, 1, 3);
        requireRange("subject length in hex digits", encoded.length * 2L, 0, SUBJECT_HEX_MAX);
        return content("AT+QSMTPSUB=" + charset + "," + q(AtText.hex(encoded)), "+QSMTPSUB");
    }

    /**
     * {@code AT+QSMTPBODY=<charset>,<len>,<input_time>} with the body as payload: exactly {@code body.length}
     * bytes are written after {@code CONNECT}, never {@code +++}.
     */
    public static AtCommand<AtResponse> body(int charset, byte[] body, int inputTimeSeconds) {
        requireRange("body charset", charset, 0, 3);
        requireRange("body length in bytes", body.length, 1, BODY_MAX);
        requireRange("body input time", inputTimeSeconds, 1, 65535);
        return AtCommand.of("AT+QSMTPBODY=" + charset + "," + body.length + "," + inputTimeSeconds, null,
                CommandKind.SMTP_BODY, "+QSMTPBODY", false, DataPayload.ofBytes(body));
    }

    /** {@code AT+QSMTPATT=1,<index>,"<file>"}. */
    public static AtCommand<AtResponse> addAttachment(int index, String file) {
        requireRange("attachment index", index, 1, 10);
        return content("AT+QSMTPATT=1," + index + "," + str("attachment file", file, SMTP_STRING_MAX), "+QSMTPATT");
    }

    /** {@code AT+QSMTPCLR}: clears recipients, subject, body and attachment list (not the files). */
    public static AtCommand<AtResponse> clearContent() {
        return cmd("AT+QSMTPCLR", CommandKind.SMTP_CONTENT, null);
    }

    /**
     * {@code AT+QSMTPPUT=<timeout>}: answers {@code OK} at once; the result arrives later as the URC
     * {@code +QSMTPPUT: <err>,<protocol_error>}, which is deliberately not owned by this command.
     */
    public static AtCommand<AtResponse> send(int timeoutSeconds) {
        return cmd("AT+QSMTPPUT=" + requireRange("send timeout", timeoutSeconds, 60, 65535), CommandKind.SMTP_SEND,
                null);
    }

    // ---- files

    /**
     * {@code AT+QFUPL="<name>",<size>,<timeout>,<ackmode>} with the payload streamed after {@code CONNECT};
     * the modem answers {@code +QFUPL: <size>,<checksum>}.
     */
    public static AtCommand<AtResponse> upload(String name, DataPayload payload, int timeoutSeconds, boolean ackMode) {
        requireRange("upload size", payload.length(), 1, Integer.MAX_VALUE);
        requireRange("upload timeout", timeoutSeconds, 1, 65535);
        return AtCommand.of("AT+QFUPL=" + str("file name", name, FILE_NAME_MAX) + ","
                + payload.length() + "," + timeoutSeconds + ","
                + (ackMode ? 1 : 0), null, CommandKind.FILE_UPLOAD, "+QFUPL", false, payload.withAckMode(ackMode));
    }

    /** {@code AT+QFLST="<pattern>"}, for example {@code "RAM:*"}. */
    public static AtCommand<AtResponse> listFiles(String pattern) {
        return cmd("AT+QFLST=" + str("file pattern", pattern, FILE_NAME_MAX), CommandKind.FILE,
                "+QFLST");
    }

    /** {@code AT+QFDEL="<name>"}; {@code "RAM:*"} deletes every RAM file. */
    public static AtCommand<AtResponse> deleteFile(String name) {
        return cmd("AT+QFDEL=" + str("file name", name, FILE_NAME_MAX), CommandKind.FILE, null);
    }

    /** {@code AT+QFLDS="<storage>"}: free and total bytes. */
    public static AtCommand<AtResponse> storageInfo(String storage) {
        return cmd("AT+QFLDS=" + str("storage", storage, 10), CommandKind.FILE, "+QFLDS");
    }

    // ---- SMS (3GPP TS 27.005)

    /** Most octets of an SMS-SUBMIT TPDU (TS 23.040: header fields and 140 octets of user data). */
    public static final int SMS_TPDU_MAX = 176;

    /** {@code AT+CMGF=<mode>}: 0 PDU mode, 1 text mode. */
    public static AtCommand<AtResponse> smsFormat(int mode) {
        return cmd("AT+CMGF=" + requireRange("CMGF mode", mode, 0, 1), CommandKind.SMS_CONFIG, "+CMGF");
    }

    /**
     * {@code AT+CMGS=<length>} in PDU mode with {@code tpdu} as payload: after the modem's {@code > } prompt
     * the session writes {@code 00} (the SIM's service centre), the TPDU in hex and Ctrl-Z (0x1A). The length
     * counts the TPDU's octets, not the service-centre field. The answer is {@code +CMGS: <mr>} and {@code OK}.
     */
    public static AtCommand<AtResponse> smsSubmit(byte[] tpdu) {
        requireRange("SMS TPDU length", tpdu.length, 7, SMS_TPDU_MAX);
        byte[] hex = ("00" + AtText.hex(tpdu)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] payload = java.util.Arrays.copyOf(hex, hex.length + 1);
        payload[hex.length] = 0x1A;
        return AtCommand.of("AT+CMGS=" + tpdu.length, null, CommandKind.SMS_SEND, "+CMGS", false,
                DataPayload.afterPrompt(payload));
    }
}
