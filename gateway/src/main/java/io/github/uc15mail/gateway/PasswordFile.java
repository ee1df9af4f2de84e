package io.github.uc15mail.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users allowed to send through the SMTP front door, read from a file of hashed passwords.
 *
 * <h2>File format</h2>
 * UTF-8 text, one user per line; blank lines and lines starting with {@code #} are ignored:
 * <pre>
 * USER:pbkdf2-sha256:ITERATIONS:SALT:HASH
 * </pre>
 * {@code USER} is the login name (no {@code :}, no spaces); the password is hashed with PBKDF2 using
 * HMAC-SHA256 (in every JDK), {@code ITERATIONS} rounds (at least {@value #MIN_ITERATIONS}), over a random
 * 16-byte {@code SALT}; {@code SALT} and the 32-byte {@code HASH} are Base64. Make a line with
 * {@link #line(String, char[])} or the {@link HashPassword} helper
 * ({@code java -cp uc15mail.jar io.github.uc15mail.gateway.HashPassword USER}).
 *
 * <p>What it guarantees: passwords are never stored or shown in clear; a check takes the same work whether
 * the user exists or not, and compares in constant time. What it does not do: lock out after failed
 * attempts, or notice when the file changes (load it again).
 */
public final class PasswordFile {

    /** The scheme name in the file. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Rounds used for new lines (OWASP's figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The fewest rounds a line may have. */
    public static final int MIN_ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(int iterations, byte[] salt, byte[] hash) {}

    private final Map<String, Entry> users;
    private final Entry decoy;

    private PasswordFile(Map<String, Entry> users) {
        this.users = Map.copyOf(users);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        // An unknown user costs as much as the dearest known one, so timing does not tell who exists.
        int rounds = users.values().stream().mapToInt(Entry::iterations).max().orElse(DEFAULT_ITERATIONS);
        this.decoy = new Entry(rounds, salt, new byte[HASH_BYTES]);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException the file cannot be read
     * @throws IllegalArgumentException a line is malformed (the message names the file and line number,
     *     never the line's content)
     */
    public static PasswordFile load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Entry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "auth file " + file + " line " + (i + 1);
            String[] f = line.split(":", -1);
            if (f.length != 5 || f[0].isEmpty() || f[0].chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(where + ": must be USER:" + SCHEME
                        + ":ITERATIONS:SALT:HASH (make one with HashPassword)");
            }
            if (!f[1].equals(SCHEME)) {
                throw new IllegalArgumentException(where + ": scheme must be " + SCHEME + ", was " + f[1]);
            }
            int iterations;
            byte[] salt;
            byte[] hash;
            try {
                iterations = Integer.parseInt(f[2]);
                salt = Base64.getDecoder().decode(f[3]);
                hash = Base64.getDecoder().decode(f[4]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": ITERATIONS must be a number and SALT and HASH Base64");
            }
            if (iterations < MIN_ITERATIONS) {
                throw new IllegalArgumentException(where + ": ITERATIONS must be at least " + MIN_ITERATIONS
                        + ", was " + iterations);
            }
            if (salt.length < 8 || hash.length != HASH_BYTES) {
                throw new IllegalArgumentException(where + ": SALT must be at least 8 bytes and HASH " + HASH_BYTES
                        + " bytes");
            }
            if (users.put(f[0], new Entry(iterations, salt, hash)) != null) {
                throw new IllegalArgumentException(where + ": user " + f[0] + " appears twice");
            }
        }
        return new PasswordFile(users);
    }

    /** The user names in the file. */
    public Set<String> users() {
        return users.keySet();
    }

    /** Whether {@code password} is the password of {@code user}. */
    public boolean verify(String user, char[] password) {
        Entry e = user == null ? null : users.get(user);
        Entry against = e != null ? e : decoy;
        byte[] computed = pbkdf2(password == null ? new char[0] : password, against.salt(), against.iterations());
        boolean same = MessageDigest.isEqual(computed, against.hash());
        return e != null && same;
    }

    /** A file line for {@code user} with a fresh salt and {@link #DEFAULT_ITERATIONS} rounds. */
    public static String line(String user, char[] password) {
        return line(user, password, DEFAULT_ITERATIONS);
    }

    /** A file line for {@code user} with a fresh salt and {@code iterations} rounds. */
    public static String line(String user, char[] password, int iterations) {
        if (user == null || user.isEmpty() || user.contains(":") || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("user: must be a non-empty name without ':' or spaces, was \""
                    + user + "\"");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password: must not be empty");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations: must be at least " + MIN_ITERATIONS + ", was " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return user + ":" + SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordFile[" + users.size() + " users]";
    }
}
