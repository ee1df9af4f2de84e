package io.github.uc15mail.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Random;

/**
 * Damages a file the way a failing disk or a stray write does, for testing what a store does with it:
 * overwrites bytes in the middle of the file with pseudo-random garbage (the same for the same seed).
 * What it does not do: keep any structure intact; use it on copies.
 */
public final class FileDamage {

    private FileDamage() {}

    /**
     * Overwrites {@code bytes} bytes centred on the middle of {@code file} with garbage from {@code seed}.
     *
     * @throws IllegalArgumentException the file is shorter than {@code bytes}
     */
    public static void garbleMiddle(Path file, int bytes, long seed) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long length = f.length();
            if (length < bytes) {
                throw new IllegalArgumentException("file: " + file + " has " + length + " bytes, fewer than the "
                        + bytes + " to garble");
            }
            byte[] garbage = new byte[bytes];
            new Random(seed).nextBytes(garbage);
            f.seek(length / 2 - bytes / 2);
            f.write(garbage);
            f.getFD().sync();
        }
    }
}
