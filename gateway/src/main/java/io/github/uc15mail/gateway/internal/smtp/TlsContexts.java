package io.github.uc15mail.gateway.internal.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * The server side of STARTTLS from a key store file. Unlike the library's default it keeps the JDK's
 * enabled protocols and cipher suites (TLS 1.2 and 1.3, no anonymous or export suites).
 */
public final class TlsContexts {

    private TlsContexts() {}

    /**
     * An SSL context holding the key store's key.
     *
     * @throws IOException the file cannot be read or the password is wrong (the message never shows it)
     */
    public static SSLContext load(Path keyStore, char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance(keyStore.toFile(), password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("keystore " + keyStore + ": cannot be used (" + e.getClass().getSimpleName()
                    + "; is the password right?)", e);
        } catch (IOException e) {
            throw new IOException("keystore " + keyStore + ": cannot be read (" + e.getMessage() + ")", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Wraps an accepted plain socket into the server end of a TLS connection. */
    public static SSLSocketCreator startTls(SSLContext context) {
        return socket -> wrap(context, socket);
    }

    private static SSLSocket wrap(SSLContext context, Socket socket) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(socket, remote.getHostString(),
                socket.getPort(), true);
        s.setUseClientMode(false);
        return new TlsLineLimit(s); // lines over the limit get 500 after STARTTLS too
    }
}
