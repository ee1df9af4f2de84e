package io.github.uc15mail.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GatewayRun's acceptance part still runs: every acknowledged message is in the outbox (it checks and throws). */
class GatewayRunSmokeTest {

    @TempDir
    Path dir;

    @Test
    void acceptanceRunsAndEveryAcknowledgedMessageIsQueued() throws Exception {
        double rate = GatewayRun.accept(dir, 2, 3);
        assertTrue(rate > 0, "a rate was measured: " + rate);
    }
}
