package io.github.uc15mail.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's services alone: files, PDP contexts, network, SSL contexts, SMTP content. */
class ServicesTest {

    @Test
    void fileSystemKeepsRamAndUfsApartAndReportsTheModuleCodes() {
        FileSystem fs = new FileSystem(10, 100);
        assertEquals(0, fs.checkUpload("RAM:a.txt", 4));
        fs.put("RAM:a.txt", new byte[] {1, 2, 3, 4});
        fs.put("UFS:b.txt", new byte[] {5});
        assertArrayEquals(new byte[] {5}, fs.get("b.txt"), "UFS: prefix is dropped");
        assertEquals(407, fs.checkUpload("ram:a.txt", 1), "exists (the prefix in any case)");
        assertEquals(423, fs.checkUpload("RAM:c.txt", 7), "6 bytes free of 10");
        assertEquals(0, fs.checkUpload("RAM:c.txt", 6));
        assertEquals(405, fs.checkUpload("RAM:", 1));
        assertEquals(405, fs.checkUpload("RAM:x*", 1));
        assertEquals(List.of("+QFLST: \"RAM:a.txt\",4"), fs.list("RAM:*"));
        assertEquals(List.of("+QFLST: \"b.txt\",1"), fs.list("*"));
        assertEquals(6, fs.free(true));
        assertEquals(404, fs.delete("RAM:nope"));
        assertEquals(0, fs.delete("RAM:a.txt"));
        assertNull(fs.get("RAM:a.txt"));
        fs.put("RAM:m1", new byte[1]);
        fs.put("RAM:m2", new byte[1]);
        assertEquals(0, fs.delete("RAM:m?"));
        assertTrue(fs.ramFiles().isEmpty());
        fs.put("RAM:lost", new byte[1]);
        fs.powerOff();
        assertTrue(fs.ramFiles().isEmpty(), "RAM lost at power-off");
        assertEquals(1, fs.ufsFiles().size(), "UFS kept");
    }

    @Test
    void pdpContextsNeedRegistrationAndAtMostThreeAreActive() {
        PdpService pdp = new PdpService();
        assertFalse(pdp.activate(1, false), "not registered");
        assertTrue(pdp.activate(1, true));
        assertFalse(pdp.activate(1, true), "already active");
        assertTrue(pdp.activate(2, true));
        assertTrue(pdp.activate(3, true));
        assertFalse(pdp.activate(4, true), "a fourth");
        assertTrue(pdp.dropByNetwork(2));
        assertFalse(pdp.dropByNetwork(2), "only once");
        assertEquals(List.of(1, 3), List.copyOf(pdp.active()));
        pdp.configure(1, new PdpService.Config(1, "internet", "u", "p", 1));
        assertEquals("internet", pdp.config(1).apn());
        assertEquals("", pdp.config(7).apn(), "default configuration");
        pdp.reset();
        assertTrue(pdp.active().isEmpty());
        assertEquals("", pdp.config(1).apn());
    }

    @Test
    void networkOutageAndItsUrcs() {
        Network n = new Network(true, true);
        assertEquals(1, n.stat());
        assertNull(n.lose(), "report mode 0: no URC");
        assertEquals(2, n.stat());
        assertFalse(n.registered());
        n.regain();
        n.mode("CGREG", 2);
        assertEquals("+CGREG: 2", n.lose());
        assertEquals("+CGREG: 1", n.regain());
        assertEquals(0, new Network(false, true).stat(), "no SIM: not searching");
        assertFalse(new Network(true, false).registered());
    }

    @Test
    void sslContextsKeepTheirSettings() throws Exception {
        SslService ssl = new SslService();
        assertEquals("4", ssl.query(1, "sslversion"));
        assertTrue(ssl.set(1, "seclevel", AtArgs.parse("\"seclevel\",1,2")));
        assertEquals("2", ssl.query(1, "SECLEVEL"));
        assertEquals("0", ssl.query(2, "seclevel"), "other contexts untouched");
        assertTrue(ssl.set(0, "cacert", AtArgs.parse("\"cacert\",0,\"RAM:ca.pem\"")));
        assertEquals("\"RAM:ca.pem\"", ssl.query(0, "cacert"));
        assertFalse(ssl.set(0, "nonsense", AtArgs.parse("\"nonsense\",0,1")));
        assertNull(ssl.query(0, "nonsense"));
        ssl.reset();
        assertEquals("0", ssl.query(1, "seclevel"), "defaults after reset");
    }

    @Test
    void smtpContentHoldsAtMostTwentyRecipients() {
        SmtpContent c = new SmtpContent();
        assertTrue(c.isEmpty());
        for (int i = 0; i < SmtpContent.MAX_RECIPIENTS; i++) {
            assertTrue(c.addRecipient(1, "r" + i + "@example.com"));
        }
        assertFalse(c.addRecipient(1, "one-too-many@example.com"));
        assertFalse(c.addRecipient(1, ""), "empty address");
        c.subject(0, "s");
        c.body(0, new byte[] {'b'});
        c.attach(2, "RAM:a");
        assertFalse(c.isEmpty());
        c.clear();
        assertTrue(c.isEmpty());
        assertNull(c.body());
    }
}
