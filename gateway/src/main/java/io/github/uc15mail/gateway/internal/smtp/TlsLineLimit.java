package io.github.uc15mail.gateway.internal.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The server end of a STARTTLS connection whose decrypted input keeps the front door's line limit: a line of
 * 998 octets or more (before CRLF) is answered {@code 500 5.5.2} and the connection closes, as on a plain
 * connection ({@link LineDeadlines}, which sees only ciphertext once TLS starts). Without it the SMTP library's
 * own reader would answer {@code 501}. Everything else is the wrapped socket's. What it does not do: look at
 * anything but line lengths.
 */
final class TlsLineLimit extends SSLSocket {

    /** The longest line is 997 octets before CRLF (RFC 5321 4.5.3.1.4 counts CRLF in the 1000). */
    static final int LINE_MAX = 998;
    /** RFC 5321 4.5.3.1.6: the reply to a line over {@link #LINE_MAX}, before and after STARTTLS alike. */
    static final byte[] LONG_LINE_REPLY = ("500 5.5.2 Line too long: a line may have at most " + (LINE_MAX - 1)
            + " octets before CRLF\r\n").getBytes(StandardCharsets.US_ASCII);

    private final SSLSocket tls;
    private InputStream in;

    TlsLineLimit(SSLSocket tls) {
        this.tls = tls;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            InputStream raw = tls.getInputStream();
            in = new InputStream() {
                private int lineBytes;
                private boolean tooLong;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (tooLong) {
                        refuse();
                    }
                    int n = raw.read(b, off, len);
                    for (int i = off; i < off + Math.max(n, 0); i++) {
                        if (b[i] == '\n') {
                            lineBytes = 0;
                        } else if (b[i] != '\r' && ++lineBytes >= LINE_MAX) {
                            tooLong = true;
                            if (i == off) {
                                refuse();
                            }
                            return i - off; // what came before; the next read refuses
                        }
                    }
                    return n;
                }

                @Override
                public int available() throws IOException {
                    return raw.available();
                }

                @Override
                public void close() throws IOException {
                    raw.close();
                }
            };
        }
        return in;
    }

    private void refuse() throws IOException {
        try {
            OutputStream out = tls.getOutputStream();
            out.write(LONG_LINE_REPLY);
            out.flush();
        } finally {
            tls.close();
        }
        throw new SocketException("line too long");
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return tls.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        tls.close();
    }

    @Override
    public boolean isClosed() {
        return tls.isClosed();
    }

    @Override
    public boolean isConnected() {
        return tls.isConnected();
    }

    @Override
    public boolean isBound() {
        return tls.isBound();
    }

    @Override
    public boolean isInputShutdown() {
        return tls.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return tls.isOutputShutdown();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        tls.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return tls.getSoTimeout();
    }

    @Override
    public InetAddress getInetAddress() {
        return tls.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return tls.getLocalAddress();
    }

    @Override
    public int getPort() {
        return tls.getPort();
    }

    @Override
    public int getLocalPort() {
        return tls.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return tls.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return tls.getLocalSocketAddress();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return tls.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        tls.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return tls.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return tls.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        tls.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return tls.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return tls.getHandshakeSession();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return tls.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        tls.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return tls.getApplicationProtocol();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        tls.addHandshakeCompletedListener(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        tls.removeHandshakeCompletedListener(listener);
    }

    @Override
    public void startHandshake() throws IOException {
        tls.startHandshake();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        tls.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return tls.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        tls.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return tls.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        tls.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return tls.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        tls.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return tls.getEnableSessionCreation();
    }

    @Override
    public String toString() {
        return tls.toString();
    }
}
