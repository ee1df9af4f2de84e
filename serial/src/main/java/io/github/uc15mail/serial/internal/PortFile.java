package io.github.uc15mail.serial.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * What the file system says about a port path, gathered with java.nio before jSerialComm is asked to
 * open it, so that an error can say precisely what is wrong. A plain value: tests build it by hand.
 *
 * @param path        the path as the user gave it
 * @param exists      whether it exists, following links
 * @param symlink     whether the path itself is a symbolic link
 * @param linkTarget  where the link points (as written in the link), or {@code null}
 * @param directory   whether it is a directory
 * @param readable    whether this process may read it ({@code access(2)}; true for root whatever the mode)
 * @param writable    whether this process may write it
 * @param owner       owning user, or {@code null} when unknown
 * @param group       owning group, or {@code null} when unknown
 * @param permissions mode as {@code rw-rw----}, or {@code null} when unknown
 */
public record PortFile(
        String path,
        boolean exists,
        boolean symlink,
        String linkTarget,
        boolean directory,
        boolean readable,
        boolean writable,
        String owner,
        String group,
        String permissions) {

    /** Whether this JVM runs on Windows, where ports are names like {@code COM7}, not files. */
    public static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Inspects {@code path}. Never throws: what cannot be read is left {@code null} or {@code false}.
     * On Windows the file system is not consulted (COM ports are not files); the result says "exists,
     * readable, writable" and jSerialComm's error code decides.
     */
    public static PortFile inspect(String path) {
        if (onWindows()) {
            return new PortFile(path, true, false, null, false, true, true, null, null, null);
        }
        Path p;
        try {
            p = Paths.get(path);
        } catch (InvalidPathException e) {
            return new PortFile(path, false, false, null, false, false, false, null, null, null);
        }
        boolean symlink = Files.isSymbolicLink(p);
        String target = null;
        if (symlink) {
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException | UnsupportedOperationException e) {
                target = null;
            }
        }
        boolean exists = Files.exists(p);
        String owner = null;
        String group = null;
        String permissions = null;
        if (exists) {
            try {
                PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class);
                owner = attrs.owner().getName();
                group = attrs.group().getName();
                permissions = PosixFilePermissions.toString(attrs.permissions());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // leave unknown
            }
        }
        return new PortFile(
                path,
                exists,
                symlink,
                target,
                exists && Files.isDirectory(p),
                exists && Files.isReadable(p),
                exists && Files.isWritable(p),
                owner,
                group,
                permissions);
    }

    /** Whether the device file the path leads to still exists; links are followed. Never throws. */
    public static boolean stillExists(String path) {
        if (onWindows()) {
            return true;
        }
        try {
            return Files.exists(Paths.get(path));
        } catch (InvalidPathException | SecurityException e) {
            return true;
        }
    }
}
