package io.github.uc15mail.testkit.internal;

import java.util.Locale;

/** SSL contexts 0-5 and their {@code AT+QSSLCFG} settings. */
public final class SslService {

    /** One SSL context's settings. */
    public static final class Context {
        public int version = 4;
        public int cipher = 0xFFFF;
        public int secLevel = 0;
        public String caCert = "";
        public String clientCert = "";
        public String clientKey = "";
        public int negotiateTime = 300;
    }

    private final Context[] contexts = new Context[6];

    public SslService() {
        reset();
    }

    public void reset() {
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new Context();
        }
    }

    public Context context(int id) {
        return contexts[id];
    }

    /** The value of {@code setting} as {@code AT+QSSLCFG} prints it, or null for an unknown setting. */
    public String query(int ctx, String setting) {
        Context c = contexts[ctx];
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "sslversion" -> Integer.toString(c.version);
            case "ciphersuite" -> String.format("0X%04X", c.cipher);
            case "seclevel" -> Integer.toString(c.secLevel);
            case "cacert" -> "\"" + c.caCert + "\"";
            case "clientcert" -> "\"" + c.clientCert + "\"";
            case "clientkey" -> "\"" + c.clientKey + "\"";
            case "negotiatetime" -> Integer.toString(c.negotiateTime);
            default -> null;
        };
    }

    /** Sets {@code setting} from parameter 2 of {@code a}; false for an unknown setting. */
    public boolean set(int ctx, String setting, AtArgs a) throws AtArgs.BadArgs {
        Context c = contexts[ctx];
        switch (setting.toLowerCase(Locale.ROOT)) {
            case "sslversion" -> c.version = a.intValue(2, 0, 4);
            case "ciphersuite" -> c.cipher = (int) a.integer(2, 0, 0xFFFF);
            case "seclevel" -> c.secLevel = a.intValue(2, 0, 2);
            case "cacert" -> c.caCert = a.string(2, 80);
            case "clientcert" -> c.clientCert = a.string(2, 80);
            case "clientkey" -> c.clientKey = a.string(2, 80);
            case "negotiatetime" -> c.negotiateTime = a.intValue(2, 10, 300);
            default -> {
                return false;
            }
        }
        return true;
    }
}
