package io.github.uc15mail.serial;

import java.util.Objects;

/**
 * Line settings for a {@link SerialTransport}: baud rate, character framing, flow control and DTR.
 *
 * <p>An immutable value: build one with {@link #builder()}, or take {@link #defaults()}, which is what a
 * Quectel module (UC15, EC25, …) expects on USB and on its UART: 115200 baud, 8 data bits, no parity, 1 stop bit (8N1), no
 * hardware flow control, DTR raised. Instances are safe to share between threads and compare by value.
 *
 * <p>What it does not guarantee: that the operating system or the device accepts the settings. On a USB
 * virtual port (the module's {@code ttyUSB} interfaces) and on a pseudo-terminal the baud rate and framing
 * are accepted and ignored; on a real UART a rate the driver does not support makes
 * {@link SerialTransport#open} fail.
 */
public final class SerialOptions {

    /** Parity bit of each character. */
    public enum Parity {
        /** No parity bit (the "N" of 8N1). */
        NONE,
        /** Odd parity. */
        ODD,
        /** Even parity. */
        EVEN
    }

    private static final SerialOptions DEFAULTS = new Builder().build();

    private final int baudRate;
    private final int dataBits;
    private final Parity parity;
    private final int stopBits;
    private final boolean rtsCts;
    private final boolean dtr;

    private SerialOptions(Builder b) {
        this.baudRate = b.baudRate;
        this.dataBits = b.dataBits;
        this.parity = b.parity;
        this.stopBits = b.stopBits;
        this.rtsCts = b.rtsCts;
        this.dtr = b.dtr;
    }

    /** 115200 8N1, no flow control, DTR on. */
    public static SerialOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder()
                .baudRate(baudRate)
                .dataBits(dataBits)
                .parity(parity)
                .stopBits(stopBits)
                .rtsCts(rtsCts)
                .dtr(dtr);
    }

    /** Bits per second. */
    public int baudRate() {
        return baudRate;
    }

    /** Data bits per character, 5 to 8. */
    public int dataBits() {
        return dataBits;
    }

    /** Parity bit. */
    public Parity parity() {
        return parity;
    }

    /** Stop bits per character, 1 or 2. */
    public int stopBits() {
        return stopBits;
    }

    /** Whether RTS/CTS hardware flow control is on. */
    public boolean rtsCts() {
        return rtsCts;
    }

    /** Whether DTR is raised once the port is open. */
    public boolean dtr() {
        return dtr;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SerialOptions)) {
            return false;
        }
        SerialOptions other = (SerialOptions) o;
        return baudRate == other.baudRate
                && dataBits == other.dataBits
                && parity == other.parity
                && stopBits == other.stopBits
                && rtsCts == other.rtsCts
                && dtr == other.dtr;
    }

    @Override
    public int hashCode() {
        return Objects.hash(baudRate, dataBits, parity, stopBits, rtsCts, dtr);
    }

    /** For example {@code 115200 8N1, flow control none, DTR on}. */
    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits
                + ", flow control " + (rtsCts ? "RTS/CTS" : "none")
                + ", DTR " + (dtr ? "on" : "off");
    }

    /**
     * Builds {@link SerialOptions}. Each setter checks its argument at once and throws
     * {@link IllegalArgumentException} naming the bad value. Not thread-safe.
     */
    public static final class Builder {
        private int baudRate = 115_200;
        private int dataBits = 8;
        private Parity parity = Parity.NONE;
        private int stopBits = 1;
        private boolean rtsCts;
        private boolean dtr = true;

        private Builder() {
        }

        /** Bits per second, for example 115200 (the default) or 9600; must be positive. */
        public Builder baudRate(int baudRate) {
            if (baudRate <= 0) {
                throw new IllegalArgumentException("baudRate must be positive, was " + baudRate);
            }
            this.baudRate = baudRate;
            return this;
        }

        /** Data bits per character, 5 to 8 (default 8). */
        public Builder dataBits(int dataBits) {
            if (dataBits < 5 || dataBits > 8) {
                throw new IllegalArgumentException("dataBits must be 5 to 8, was " + dataBits);
            }
            this.dataBits = dataBits;
            return this;
        }

        /** Parity (default {@link Parity#NONE}). */
        public Builder parity(Parity parity) {
            this.parity = Objects.requireNonNull(parity, "parity");
            return this;
        }

        /** Stop bits, 1 (the default) or 2. */
        public Builder stopBits(int stopBits) {
            if (stopBits != 1 && stopBits != 2) {
                throw new IllegalArgumentException("stopBits must be 1 or 2, was " + stopBits);
            }
            this.stopBits = stopBits;
            return this;
        }

        /** RTS/CTS hardware flow control (default off). Turn it on only if the RTS and CTS wires are connected. */
        public Builder rtsCts(boolean rtsCts) {
            this.rtsCts = rtsCts;
            return this;
        }

        /** Raise DTR after opening (default on). A module on a UART may treat a low DTR as "host absent". */
        public Builder dtr(boolean dtr) {
            this.dtr = dtr;
            return this;
        }

        /** The immutable options. */
        public SerialOptions build() {
            return new SerialOptions(this);
        }
    }
}
