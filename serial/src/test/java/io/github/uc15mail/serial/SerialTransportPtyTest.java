package io.github.uc15mail.serial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.serial.SerialPortException.Reason;
import io.github.uc15mail.testkit.Await;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link SerialTransport} against real pseudo-terminals made by socat. */
@Timeout(20)
class SerialTransportPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private PtyPair pair;
    private DeviceEnd device;
    private SerialTransport transport;
    private final Recorder host = new Recorder();

    @BeforeEach
    void startPty() throws IOException {
        PtyPair.assumeSocat();
        pair = PtyPair.create(dir);
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (device != null) {
            device.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private void openBoth() throws IOException {
        transport = new SerialTransport(pair.a().toString());
        transport.open(host);
        device = new DeviceEnd(pair.b());
    }

    @Test
    void bytesTravelBothWays() throws Exception {
        openBoth();
        assertTrue(transport.isOpen());

        byte[] toDevice = "hello modem\r\n".getBytes(US_ASCII);
        transport.write(toDevice);
        assertArrayEquals(toDevice, device.received.awaitBytes(toDevice.length, WAIT));

        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        device.write(everyByte);
        assertArrayEquals(everyByte, host.awaitBytes(everyByte.length, WAIT));
    }

    @Test
    void a64KiBBlobArrivesByteExactInBothDirections() throws Exception {
        openBoth();
        byte[] blob = new byte[64 * 1024];
        new Random(15).nextBytes(blob);

        transport.write(blob);
        assertArrayEquals(blob, device.received.awaitBytes(blob.length, WAIT), "host -> device");

        device.write(blob);
        assertArrayEquals(blob, host.awaitBytes(blob.length, WAIT), "device -> host");
    }

    @Test
    void atCommandIsAnsweredByAFakeResponder() throws Exception {
        openBoth();
        AtomicReference<Throwable> responderFailure = new AtomicReference<>();
        AtomicReference<String> seenByDevice = new AtomicReference<>();
        Thread responder = new Thread(() -> {
            try {
                byte[] got = device.received.awaitBytes(3, WAIT);
                seenByDevice.set(new String(got, US_ASCII));
                if (seenByDevice.get().equals("AT\r")) {
                    device.write("\r\nOK\r\n".getBytes(US_ASCII));
                }
            } catch (Throwable e) {
                responderFailure.set(e);
            }
        }, "fake-responder");
        responder.setDaemon(true);
        responder.start();

        transport.write("AT\r".getBytes(US_ASCII));
        byte[] reply = host.awaitBytes(6, WAIT);
        responder.join(WAIT.toMillis());
        assertFalse(responder.isAlive(), "the responder finished");
        assertNull(responderFailure.get(), () -> "the responder failed: " + responderFailure.get());
        assertEquals("AT\r", seenByDevice.get(), "what the device end received");
        assertEquals("\r\nOK\r\n", new String(reply, US_ASCII));
    }

    @Test
    void killingSocatMidTransferClosesWithADisconnectedCauseExactlyOnce() throws Exception {
        openBoth();
        // Keep traffic flowing both ways while the "cable" is pulled.
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            byte[] chunk = new byte[1024];
            try {
                while (true) {
                    transport.write(chunk);
                }
            } catch (IOException e) {
                writerFailure.set(e);
            }
        }, "host-writer");
        writer.setDaemon(true);
        writer.start();
        Thread feeder = new Thread(() -> {
            byte[] chunk = "+CSQ: 20,99\r\n".getBytes(US_ASCII);
            try {
                while (true) {
                    device.write(chunk);
                }
            } catch (IOException e) {
                // socat gone
            }
        }, "device-feeder");
        feeder.setDaemon(true);
        feeder.start();
        host.awaitBytes(4096, WAIT);
        device.received.awaitBytes(4096, WAIT);

        long killedAt = System.nanoTime();
        pair.kill();

        assertTrue(host.awaitClosed(Duration.ofSeconds(3)), "onClosed within 3 s of the unplug");
        long millis = (System.nanoTime() - killedAt) / 1_000_000;
        writer.join(3_000);
        assertFalse(writer.isAlive(), "a blocked write ends when the port is lost");
        assertInstanceOf(SerialPortException.class, writerFailure.get());

        Thread.sleep(300); // a second onClosed would show up here
        assertEquals(1, host.closes().size(), "onClosed exactly once");
        SerialPortException cause = assertInstanceOf(SerialPortException.class, host.closes().get(0));
        assertEquals(Reason.DISCONNECTED, cause.reason());
        assertTrue(cause.getMessage().contains(pair.a().toString()), cause.getMessage());
        assertFalse(transport.isOpen());
        assertTrue(host.closeThreads().get(0).startsWith("uc15mail-serial-"), host.closeThreads().toString());
        assertTrue(millis < 3_000, "noticed after " + millis + " ms");

        transport.close(); // after a loss: no second onClosed, no exception
        assertEquals(1, host.closes().size());
        SerialPortException onWrite = assertThrows(SerialPortException.class, () -> transport.write(new byte[1]));
        assertEquals(Reason.DISCONNECTED, onWrite.reason());
    }

    @Test
    void aWriteAfterTheReaderNoticedTheLossSaysDisconnected() throws Exception {
        openBoth();
        pair.kill();
        assertTrue(host.awaitClosed(WAIT));
        assertFalse(transport.isOpen());
        SerialPortException e = assertThrows(SerialPortException.class,
                () -> transport.write("AT\r".getBytes(US_ASCII)));
        assertEquals(Reason.DISCONNECTED, e.reason());
        assertTrue(e.getMessage().contains(pair.a().toString()), e.getMessage());
        assertEquals(1, host.closes().size());
    }

    @Test
    void closeByTheUserReportsNullOnceAndStopsTheReader() throws Exception {
        openBoth();
        transport.close();
        assertTrue(host.awaitClosed(Duration.ZERO), "onClosed has happened when close() returns");
        assertFalse(transport.isOpen());
        transport.close();
        assertEquals(1, host.closes().size());
        assertNull(host.closes().get(0));
        assertThrows(SerialPortException.class, () -> transport.write(new byte[] {'A'}));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("uc15mail-serial-" + pair.a())), "reader thread ended");
    }

    @Test
    void closeFromInsideTheListenerWorks() throws Exception {
        transport = new SerialTransport(pair.a().toString());
        Recorder recorder = new Recorder() {
            @Override
            public synchronized void onBytes(byte[] data, int offset, int length) {
                super.onBytes(data, offset, length);
                transport.close();
            }
        };
        transport.open(recorder);
        device = new DeviceEnd(pair.b());
        device.write("RING\r\n".getBytes(US_ASCII));
        assertTrue(recorder.awaitClosed(WAIT));
        assertNull(recorder.closes().get(0));
        assertFalse(transport.isOpen());
    }

    @Test
    void aNewTransportOpensTheSamePathWhenTheDeviceReturns() throws Exception {
        openBoth();
        pair.kill();
        assertTrue(host.awaitClosed(WAIT));
        device.close();

        pair = PtyPair.create(dir); // the "modem" is plugged back in under the same names
        SerialTransport again = new SerialTransport(pair.a().toString());
        Recorder second = new Recorder();
        again.open(second);
        try (DeviceEnd back = new DeviceEnd(pair.b())) {
            again.write("AT\r".getBytes(US_ASCII));
            assertArrayEquals("AT\r".getBytes(US_ASCII), back.received.awaitBytes(3, WAIT));
            back.write("OK".getBytes(US_ASCII));
            assertArrayEquals("OK".getBytes(US_ASCII), second.awaitBytes(2, WAIT));
        } finally {
            again.close();
        }
    }

    @Test
    void aSecondTransportOnAnOpenPortIsBusy() throws Exception {
        openBoth();
        SerialTransport second = new SerialTransport(pair.a().toString());
        SerialPortException e = assertThrows(SerialPortException.class, () -> second.open(new Recorder()));
        assertEquals(Reason.BUSY, e.reason());
        assertTrue(e.getMessage().startsWith("Serial port " + pair.a() + " is busy"), e.getMessage());
        // the first one is unaffected
        transport.write("x".getBytes(US_ASCII));
        assertEquals(1, device.received.awaitBytes(1, WAIT).length);
    }

    @Test
    void aPortLockedByAnotherProcessIsBusy() throws Exception {
        // flock(1) takes the same exclusive lock jSerialComm takes, from another process (like ModemManager).
        Path target = pair.a().toRealPath();
        Process locker;
        try {
            locker = new ProcessBuilder("flock", "-n", target.toString(), "sleep", "30")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("flock(1) (util-linux) is not available: " + e.getMessage());
            return;
        }
        try {
            Await.until("flock(1) to hold the lock or give up", () -> !locker.isAlive() || lockedElsewhere(target));
            org.junit.jupiter.api.Assumptions.assumeTrue(locker.isAlive(),
                    "flock(1) could not lock " + target + "; cross-process busy case not testable here");
            SerialPortException e = assertThrows(SerialPortException.class,
                    () -> new SerialTransport(pair.a().toString()).open(new Recorder()));
            assertEquals(Reason.BUSY, e.reason());
            assertTrue(e.getMessage().contains("another program"), e.getMessage());
        } finally {
            locker.destroyForcibly();
            locker.waitFor();
        }
    }

    @Test
    void otherLineSettingsOpenAndPassBytes() throws Exception {
        SerialOptions options = SerialOptions.builder()
                .baudRate(9600).dataBits(8).parity(SerialOptions.Parity.EVEN).stopBits(2).dtr(false).build();
        transport = new SerialTransport(pair.a().toString(), options);
        transport.open(host);
        device = new DeviceEnd(pair.b());
        device.write("OK\r\n".getBytes(US_ASCII));
        assertEquals("OK\r\n", new String(host.awaitBytes(4, WAIT), US_ASCII));
    }

    @Test
    void manySmallWritesArriveInOrder() throws Exception {
        openBoth();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            byte[] line = ("AT+CMD" + i + "\r").getBytes(US_ASCII);
            expected.write(line);
            transport.write(line, 0, line.length);
        }
        byte[] want = expected.toByteArray();
        assertArrayEquals(want, device.received.awaitBytes(want.length, WAIT));
    }

    @Test
    void openingTwiceIsAProgrammingError() throws Exception {
        openBoth();
        assertThrows(IllegalStateException.class, () -> transport.open(new Recorder()));
    }

    /** Whether another process holds {@code path}'s exclusive lock: a non-blocking flock(1) of our own fails. */
    private static boolean lockedElsewhere(Path path) {
        try {
            return new ProcessBuilder("flock", "-n", path.toString(), "true").start().waitFor() == 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
