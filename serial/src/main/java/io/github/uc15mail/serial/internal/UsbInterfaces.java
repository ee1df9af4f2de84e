package io.github.uc15mail.serial.internal;

import io.github.uc15mail.serial.SerialPortInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Works out the USB interface number of a serial port. Never throws; -1 means unknown. */
public final class UsbInterfaces {

    private static final Pattern LOCATION_INTERFACE = Pattern.compile(":\\d+\\.(\\d+)$");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    private UsbInterfaces() {
    }

    /**
     * From Linux sysfs ({@code /sys/class/tty/NAME/device/../bInterfaceNumber}), else from a location that
     * ends in {@code :CONFIG.INTERFACE}, else -1.
     */
    public static int interfaceNumber(String systemPath, String location) {
        int fromSysfs = fromSysfs(Paths.get("/sys/class/tty"), systemPath);
        return fromSysfs >= 0 ? fromSysfs : fromLocation(location);
    }

    /** Reads {@code bInterfaceNumber} (hex) for the tty named by the last element of {@code systemPath}. */
    static int fromSysfs(Path sysClassTty, String systemPath) {
        try {
            Path name = Paths.get(systemPath).getFileName();
            if (name == null) {
                return -1;
            }
            Path device = sysClassTty.resolve(name.toString()).resolve("device");
            if (!Files.exists(device)) {
                return -1;
            }
            Path parent = device.toRealPath().getParent();
            if (parent == null) {
                return -1;
            }
            Path file = parent.resolve("bInterfaceNumber");
            if (!Files.isRegularFile(file)) {
                return -1;
            }
            return Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim(), 16);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The interface from a location such as {@code 1-1.3:1.2}, or -1. */
    static int fromLocation(String location) {
        if (location == null) {
            return -1;
        }
        Matcher m = LOCATION_INTERFACE.matcher(location.trim());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Fills in unknown interface numbers of a known module's ports by their order: the ports with the same
     * USB ids on one USB device (same location before any ':'), sorted by the number at the end of their path,
     * get 0, 1, 2, 3 (the QMI interface 4 of the LTE modules is not a serial port). Only done when every such
     * port of that device has an unknown number and there are at most four of them; anything else is left as
     * it is.
     */
    public static List<SerialPortInfo> guessMissingByOrder(List<SerialPortInfo> ports) {
        Map<String, List<SerialPortInfo>> byDevice = new LinkedHashMap<>();
        for (SerialPortInfo p : ports) {
            if (p.isKnownModem()) {
                String device = p.location().contains(":") ? p.location().substring(0, p.location().indexOf(':')) : p.location();
                String key = p.vendorId() + ":" + p.productId() + "@" + device;
                byDevice.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        Map<SerialPortInfo, Integer> guessed = new IdentityHashMap<>();
        for (List<SerialPortInfo> group : byDevice.values()) {
            if (group.size() > 4 || group.stream().anyMatch(p -> p.interfaceNumber() >= 0)) {
                continue;
            }
            List<SerialPortInfo> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingLong((SerialPortInfo p) -> trailingNumber(p.systemPath()))
                    .thenComparing(SerialPortInfo::systemPath));
            for (int i = 0; i < sorted.size(); i++) {
                guessed.put(sorted.get(i), i);
            }
        }
        List<SerialPortInfo> out = new ArrayList<>(ports.size());
        for (SerialPortInfo p : ports) {
            Integer n = guessed.get(p);
            out.add(n == null ? p
                    : new SerialPortInfo(p.systemPath(), p.description(), p.vendorId(), p.productId(), p.location(), n));
        }
        return out;
    }

    private static long trailingNumber(String path) {
        Matcher m = TRAILING_NUMBER.matcher(path);
        try {
            return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
