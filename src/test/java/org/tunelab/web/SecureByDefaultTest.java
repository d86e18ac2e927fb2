package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tunelab.Config;
import org.tunelab.kernel.Sandbox;

/** Without a sandbox the server serves loopback only, unless told otherwise in so many words (issue 7). */
class SecureByDefaultTest {
    private static final Sandbox NONE = Sandbox.none("bubblewrap is not installed");

    @Test
    void withoutSandboxLoopbackIsServedAndTheFooterSaysSo() {
        Config config = Config.from(new String[0], Map.of());
        assertEquals("127.0.0.1", config.host(), "loopback by default");
        String mode = Server.mode(config, NONE);
        assertTrue(mode.startsWith("Not sandboxed (bubblewrap is not installed)"), mode);
        assertTrue(mode.contains("only this machine is served"), mode);
        assertTrue(Server.mode(config.withHost("localhost", false), NONE).contains("only this machine"));
        assertTrue(Server.mode(config.withHost("::1", false), NONE).contains("only this machine"));
    }

    @Test
    void withoutSandboxOtherAddressesAreRefusedWithTheWayOut() {
        Config config = Config.from(new String[] {"--host", "0.0.0.0"}, Map.of());
        assertFalse(config.unsafeNoSandbox());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Server.mode(config, NONE));
        assertTrue(refused.getMessage().contains("refusing to serve 0.0.0.0"), refused.getMessage());
        assertTrue(refused.getMessage().contains("bubblewrap is not installed"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--unsafe-no-sandbox"), refused.getMessage());
    }

    @Test
    void theUnsafeFlagServesOtherAddressesAndSaysSo() {
        Config config = Config.from(new String[] {"--host", "0.0.0.0", "--unsafe-no-sandbox"}, Map.of());
        assertTrue(config.unsafeNoSandbox());
        String mode = Server.mode(config, NONE);
        assertTrue(mode.contains("0.0.0.0 is served anyway (--unsafe-no-sandbox)"), mode);
        assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--unsafe-no-sandbox=yes"}, Map.of()));
    }

    @Test
    void aWorkingSandboxServesAnyAddress() {
        Sandbox sandbox = Sandbox.detect();
        Assumptions.assumeTrue(sandbox.available(), "no sandbox here: " + sandbox.reason());
        assertEquals("Student code runs in sandboxed kernels.",
                Server.mode(Config.from(new String[] {"--host", "0.0.0.0"}, Map.of()), sandbox));
    }
}
