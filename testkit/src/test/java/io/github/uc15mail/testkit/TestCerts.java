package io.github.uc15mail.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed server certificates made with the JDK's keytool at test time (no files checked in). */
final class TestCerts {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static final ConcurrentHashMap<String, TestCerts> CACHE = new ConcurrentHashMap<>();

    final Path keystore;
    final byte[] pem;

    private TestCerts(Path keystore, byte[] pem) {
        this.keystore = keystore;
        this.pem = pem;
    }

    /** A key pair and self-signed certificate for CN=localhost named {@code alias}, created once per JVM. */
    static TestCerts get(String alias) {
        return CACHE.computeIfAbsent(alias, TestCerts::create);
    }

    private static TestCerts create(String alias) {
        try {
            Path dir = Files.createTempDirectory("uc15-certs-");
            Path ks = dir.resolve(alias + ".p12");
            Path pem = dir.resolve(alias + ".pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "3650", "-dname", "CN=localhost, O=uc15mail test " + alias,
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "BC:c=ca:true",
                    "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD)));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", alias, "-keystore", ks.toString(),
                    "-storepass", new String(PASSWORD), "-file", pem.toString()));
            return new TestCerts(ks, Files.readAllBytes(pem));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + new String(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A server-side SSL context presenting this certificate. */
    SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
