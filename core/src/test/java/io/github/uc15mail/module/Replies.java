package io.github.uc15mail.module;

import java.util.ArrayList;
import java.util.List;

/** Test-command answers as modules print them (sources in quectel-smtp-family.md; the UC15's from its manual). */
public final class Replies {

    private Replies() {
    }

    /** The UC15 manual's AT+QSMTPCFG=? answer, with the manual's spacing. */
    public static final List<String> UC15_SMTP = List.of(
            "+QSMTPCFG: \"account\", <username>,<password>",
            "+QSMTPCFG: \"sender\", <sender_name>,<sender_email>",
            "+QSMTPCFG: \"smtpserver\", <srvaddr>,<srvport>",
            "+QSMTPCFG: \"contextid\",(1-16)",
            "+QSMTPCFG: \"sslctxid\",(0-5)",
            "+QSMTPCFG: \"ssltype\",(0-2)");

    /** EG25-G firmware 01.003: the same six settings. */
    public static final List<String> EC2X_SMTP = List.of(
            "+QSMTPCFG: \"account\",<username>,<password>",
            "+QSMTPCFG: \"sender\",<sender_name>,<sender_email>",
            "+QSMTPCFG: \"smtpserver\",<srvaddr>,<srvport>",
            "+QSMTPCFG: \"contextid\",(1-16)",
            "+QSMTPCFG: \"sslctxid\",(0-5)",
            "+QSMTPCFG: \"ssltype\",(0-2)");

    /** EG25-G firmware 30.203 and A0.301: adds "bodyoriginal". */
    public static final List<String> EG25_SMTP_NEW = plus(EC2X_SMTP, "+QSMTPCFG: \"bodyoriginal\",(0,1)");

    /** EG25-G firmware 30.203's AT+QSSLCFG=? answer. */
    public static final List<String> EG25_SSL = List.of(
            "+QSSLCFG: \"sslversion\",(0-5),(0-4)",
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
            "+QSSLCFG: \"ignorecertitem\",(0-5),(0-1048575)");

    /** A shorter set, as the UC15 emulator prints it (which options a real UC15 lists is inferred). */
    public static final List<String> UC15_SSL = List.of(
            "+QSSLCFG: \"sslversion\",(0-5),(0-4)",
            "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X0004,0X000A,0X003D,0XFFFF)",
            "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
            "+QSSLCFG: \"cacert\",(0-5),<cacertpath>",
            "+QSSLCFG: \"clientcert\",(0-5),<client_cert_path>",
            "+QSSLCFG: \"clientkey\",(0-5),<client_key_path>",
            "+QSSLCFG: \"negotiatetime\",(0-5),(10-300)");

    public static List<String> ati(String model, String revision) {
        return List.of("Quectel", model, "Revision: " + revision);
    }

    public static List<String> plus(List<String> lines, String... more) {
        List<String> out = new ArrayList<>(lines);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }
}
