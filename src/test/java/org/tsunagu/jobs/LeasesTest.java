package org.tsunagu.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeasesTest {

    @Test
    void aLeaseLastsThreeRoundsAndAtLeastTenSeconds() {
        assertEquals(Duration.ofSeconds(10), Leases.forInterval(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(15), Leases.forInterval(Duration.ofSeconds(5)));
        assertEquals(Duration.ofHours(3), Leases.forInterval(Duration.ofHours(1)));
    }
}
