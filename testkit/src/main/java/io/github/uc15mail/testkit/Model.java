package io.github.uc15mail.testkit;

import java.util.List;

/**
 * The Quectel module an emulator plays: its {@code ATI} identity, whether it has the SMTP service, and its
 * {@code AT+QSMTPCFG=?} and {@code AT+QSSLCFG=?} answers. The facts come from
 * {@code quectel-smtp-family.md}; those the reference marks as inferred are marked {@code [inferred]} here.
 *
 * <p>Guarantees: {@code ATI} line 2 is {@link #atiModel()}, line 3 {@code Revision: }{@link #revision()}; a
 * model without SMTP ({@link #BG95}, {@link #BG96}) answers {@code ERROR} to every {@code AT+QSMTP*} command.
 * Does not emulate the other differences between the models (radio, limits beyond the UC15's, file storage):
 * every model with SMTP behaves as the UC15 otherwise.
 */
public enum Model {
    /** The baseline, from its manual. */
    UC15("UC15", "UC15AGAR01A11E1G", true, false, Ssl.UC15),
    /** [inferred] revision and SSL set; SMTP set seen in public driver code. */
    UC20("UC20", "UC20GQBR03A12E1G", true, false, Ssl.UC15),
    /** Revision seen in a captured log; QSMTPCFG set =UC15 [inferred]; QSSLCFG set as EG25-G's [inferred]. */
    EC25("EC25", "EC25EFAR06A03M4G", true, false, Ssl.EG25),
    /** [inferred] revision; same SMTP set as EC25 [inferred]. */
    EC21("EC21", "EC21EFAR06A01M4G", true, false, Ssl.EG25),
    /** EG25-G: {@code ATI} says {@code EG25}; newer firmware lists {@code "bodyoriginal"} (seen on 30.203). */
    EG25("EG25", "EG25GGBR07A08M2G", true, true, Ssl.EG25),
    /** [inferred] revision and sets (EC2x family). */
    EG91("EG91", "EG91EXGAR08A05M1G", true, false, Ssl.EG25),
    /** [inferred] revision and sets (EC2x family). */
    EG95("EG95", "EG95EXGAR08A05M1G", true, false, Ssl.EG25),
    /** [inferred] revision and sets (EC2x family). */
    EM05("EM05", "EM05GFAR07A01M1G", true, false, Ssl.EG25),
    /** [inferred] revision and sets (its manual's TOC lists the same SMTP commands). */
    AG35("AG35", "AG35CEVAR05A07T4G", true, false, Ssl.UC15),
    /** BG95-M3: {@code AT+QSMTPCFG=?} answers {@code ERROR} (seen); QSSLCFG adds "checkhost" (seen), set otherwise [inferred]. */
    BG95("BG95-M3", "BG95M3LAR02A03", false, false, Ssl.BG95),
    /** [inferred] no SMTP service (no SMTP manual found) and its revision. */
    BG96("BG96", "BG96MAR02A07M1G", false, false, Ssl.BG95);

    private enum Ssl {
        UC15(List.of("+QSSLCFG: \"sslversion\",(0-5),(0-4)",
                "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X0004,0X000A,0X003D,0XFFFF)",
                "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
                "+QSSLCFG: \"cacert\",(0-5),<cacertpath>",
                "+QSSLCFG: \"clientcert\",(0-5),<client_cert_path>",
                "+QSSLCFG: \"clientkey\",(0-5),<client_key_path>",
                "+QSSLCFG: \"negotiatetime\",(0-5),(10-300)")),
        // as printed by an EG25-G on firmware 30.203 (quectel-smtp-family.md S10)
        EG25(List.of("+QSSLCFG: \"sslversion\",(0-5),(0-4)",
                "+QSSLCFG: \"dtls\",(0-5),(0,1)",
                "+QSSLCFG: \"dtlsversion\",(0-5),(0,1)",
                "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X000A,0X003D,0XC003,0XC004,0XC005,0XC008,"
                        + "0XC009,0XC00A,0XC012,0XC013,0XC014,0XC00D,0XC00E,0XC00F,0XC023,0XC024,0XC025,0XC026,0XC027,"
                        + "0XC028,0XC029,0XC02A,0XC02F,0XC030,0XFFFF)",
                "+QSSLCFG: \"cacert\",(0-5),<cacertpath>",
                "+QSSLCFG: \"cacertex\",(0-5),<cacertexpath>",
                "+QSSLCFG: \"clientcert\",(0-5),<client_cert_path>",
                "+QSSLCFG: \"clientkey\",(0-5),<client_key_path>,<key_pwd>",
                "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
                "+QSSLCFG: \"ignorelocaltime\",(0-5),(0,1)",
                "+QSSLCFG: \"negotiatetime\",(0-5),(10-300)",
                "+QSSLCFG: \"sni\",(0-5),(0,1)",
                "+QSSLCFG: \"psk\",(0-5),<identity>,<key>",
                "+QSSLCFG: \"closetimemode\",(0-5),(0,1)",
                "+QSSLCFG: \"session_cache\",(0-5),(0,1)",
                "+QSSLCFG: \"alpn\",(0-5),<protocolname>",
                "+QSSLCFG: \"renegotiation\",(0-5),(0,1)",
                "+QSSLCFG: \"ignoremulticertchainverify\",(0-5),(0,1)",
                "+QSSLCFG: \"ignoreinvalidcertsign\",(0-5),(0,1)",
                "+QSSLCFG: \"ignorecertitem\",(0-5),(0-1048575)")),
        // [inferred] the UC15 set plus "checkhost", which the reference saw on a BG95-M3
        BG95(List.of("+QSSLCFG: \"sslversion\",(0-5),(0-4)",
                "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X000A,0X003D,0XFFFF)",
                "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
                "+QSSLCFG: \"cacert\",(0-5),<cacertpath>",
                "+QSSLCFG: \"clientcert\",(0-5),<client_cert_path>",
                "+QSSLCFG: \"clientkey\",(0-5),<client_key_path>",
                "+QSSLCFG: \"negotiatetime\",(0-5),(10-300)",
                "+QSSLCFG: \"checkhost\",(0-5),(0,1)"));

        final List<String> lines;

        Ssl(List<String> lines) {
            this.lines = lines;
        }
    }

    private static final List<String> SMTP_CFG = List.of(
            "+QSMTPCFG: \"account\",<username>,<password>",
            "+QSMTPCFG: \"sender\",<sender_name>,<sender_email>",
            "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>",
            "+QSMTPCFG: \"contextid\",(1-16)",
            "+QSMTPCFG: \"sslctxid\",(0-5)",
            "+QSMTPCFG: \"ssltype\",(0-2)");

    private final String atiModel;
    private final String revision;
    private final boolean smtp;
    private final boolean bodyOriginal;
    private final Ssl ssl;

    Model(String atiModel, String revision, boolean smtp, boolean bodyOriginal, Ssl ssl) {
        this.atiModel = atiModel;
        this.revision = revision;
        this.smtp = smtp;
        this.bodyOriginal = bodyOriginal;
        this.ssl = ssl;
    }

    /** Line 2 of {@code ATI} and the answer of {@code AT+CGMM}. */
    public String atiModel() {
        return atiModel;
    }

    /** The firmware revision after {@code Revision: } in {@code ATI} (also {@code AT+CGMR}). */
    public String revision() {
        return revision;
    }

    /** The {@code ATI} answer, lines separated by {@code \r\n}. */
    public String manufacturerInfo() {
        return "Quectel\r\n" + atiModel + "\r\nRevision: " + revision;
    }

    /** Whether the module has the {@code AT+QSMTP*} service. */
    public boolean hasSmtp() {
        return smtp;
    }

    /** Whether {@code AT+QSMTPCFG} takes {@code "bodyoriginal"} (EG25-G newer firmware). */
    public boolean hasBodyOriginal() {
        return bodyOriginal;
    }

    /** The information lines of {@code AT+QSMTPCFG=?}; empty when the module has no SMTP service. */
    public List<String> smtpCfgTestLines() {
        if (!smtp) {
            return List.of();
        }
        if (!bodyOriginal) {
            return SMTP_CFG;
        }
        List<String> l = new java.util.ArrayList<>(SMTP_CFG);
        l.add("+QSMTPCFG: \"bodyoriginal\",(0,1)");
        return List.copyOf(l);
    }

    /** The information lines of {@code AT+QSSLCFG=?}. */
    public List<String> sslCfgTestLines() {
        return ssl.lines;
    }

    /** The model named {@code name} (its enum name or its {@code ATI} model, any case), or an exception naming the choices. */
    public static Model parse(String name) {
        for (Model m : values()) {
            if (m.name().equalsIgnoreCase(name) || m.atiModel.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model " + name + "; one of " + java.util.Arrays.toString(values()));
    }
}
