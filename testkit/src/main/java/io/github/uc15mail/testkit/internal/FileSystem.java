package io.github.uc15mail.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The module's file storage: the RAM drive (names {@code RAM:...}, lost at power-off) and UFS (any other name,
 * an optional {@code UFS:} prefix dropped, kept). Each has a capacity; error results are the module's
 * {@code +CME ERROR} codes (404 not found, 405 bad name, 407 exists, 423 no space).
 */
public final class FileSystem {

    private final long ramCapacity;
    private final long ufsCapacity;
    private final Map<String, byte[]> ram = new LinkedHashMap<>();
    private final Map<String, byte[]> ufs = new LinkedHashMap<>();

    public FileSystem(long ramCapacity, long ufsCapacity) {
        this.ramCapacity = ramCapacity;
        this.ufsCapacity = ufsCapacity;
    }

    /** Power-off: the RAM drive is lost. */
    public void powerOff() {
        ram.clear();
    }

    public static boolean isRam(String name) {
        return name.regionMatches(true, 0, "RAM:", 0, 4);
    }

    /** The storage key: {@code "RAM:x"} for RAM, the bare name for UFS. */
    public static String key(String name) {
        if (isRam(name)) {
            return "RAM:" + name.substring(4);
        }
        return name.regionMatches(true, 0, "UFS:", 0, 4) ? name.substring(4) : name;
    }

    private static String base(String name) {
        return isRam(name) ? name.substring(4) : key(name);
    }

    private Map<String, byte[]> drive(boolean isRam) {
        return isRam ? ram : ufs;
    }

    public long capacity(boolean isRam) {
        return isRam ? ramCapacity : ufsCapacity;
    }

    public long free(boolean isRam) {
        long used = 0;
        for (byte[] b : drive(isRam).values()) {
            used += b.length;
        }
        return capacity(isRam) - used;
    }

    /** The content of {@code name}, or null. Not a copy. */
    public byte[] get(String name) {
        return drive(isRam(name)).get(key(name));
    }

    /** 0 when an upload of {@code size} bytes to {@code name} may start, else the error code. */
    public int checkUpload(String name, long size) {
        String b = base(name);
        if (b.isEmpty() || b.contains("*")) {
            return 405;
        }
        if (get(name) != null) {
            return 407;
        }
        if (size > free(isRam(name))) {
            return 423;
        }
        return 0;
    }

    public void put(String name, byte[] content) {
        drive(isRam(name)).put(key(name), content);
    }

    /** Deletes {@code name} (a pattern with {@code *} or {@code ?} deletes every match): 0, or 404. */
    public int delete(String name) {
        boolean r = isRam(name);
        String b = base(name);
        if (b.contains("*") || b.contains("?")) {
            Pattern p = glob(b);
            drive(r).keySet().removeIf(k -> p.matcher(r ? k.substring(4) : k).matches());
            return 0;
        }
        return drive(r).remove(key(name)) == null ? 404 : 0;
    }

    /** {@code +QFLST} lines for the files matching {@code pattern}. */
    public List<String> list(String pattern) {
        boolean r = isRam(pattern);
        Pattern p = glob(base(pattern));
        List<String> lines = new ArrayList<>();
        drive(r).forEach((k, v) -> {
            if (p.matcher(r ? k.substring(4) : k).matches()) {
                lines.add("+QFLST: \"" + k + "\"," + v.length);
            }
        });
        return lines;
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    public Map<String, byte[]> ramFiles() {
        return copy(ram);
    }

    public Map<String, byte[]> ufsFiles() {
        return copy(ufs);
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> m) {
        Map<String, byte[]> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }
}
