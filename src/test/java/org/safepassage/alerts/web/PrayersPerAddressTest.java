package org.safepassage.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** "I prayed" per client address: bounded per day, and in memory whatever arrives. */
class PrayersPerAddressTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	@Test
	void anAddressCountsAtMostItsShareADayPerAlert() {
		PrayersPerAddress limits = new PrayersPerAddress(2, 1_000);
		assertThat(IntStream.range(0, 5).filter(i -> limits.count(1, TODAY, "203.0.113.7")).count()).isEqualTo(2);
		assertThat(limits.count(2, TODAY, "203.0.113.7")).isTrue();
		assertThat(limits.count(1, TODAY, "203.0.113.8")).isTrue();
		assertThat(limits.count(1, TODAY.plusDays(1), "203.0.113.7")).isTrue();
		// The same host written as an IPv4-mapped IPv6 address is the same address.
		assertThat(limits.count(1, TODAY, "::ffff:203.0.113.7")).isFalse();
	}

	@Test
	void anIpv6AddressCountsAsItsSlash64() {
		PrayersPerAddress limits = new PrayersPerAddress(1, 1_000);
		assertThat(limits.count(1, TODAY, "2001:db8:0:1::1")).isTrue();
		assertThat(limits.count(1, TODAY, "2001:db8:0:1:ffff:ffff:ffff:ffff")).isFalse();
		assertThat(limits.count(1, TODAY, "2001:0db8:0000:0001:0000:0000:0000:0002")).isFalse();
		assertThat(limits.count(1, TODAY, "2001:db8:0:2::1")).isTrue();
	}

	@Test
	void whatIsNotAnIpLiteralIsNeverLookedUpAndCountsByItsText() {
		PrayersPerAddress limits = new PrayersPerAddress(1, 1_000);
		assertThat(limits.count(1, TODAY, "localhost.invalid")).isTrue();
		assertThat(limits.count(1, TODAY, "localhost.invalid")).isFalse();
		assertThat(limits.count(1, TODAY, null)).isTrue();
		assertThat(limits.count(1, TODAY, "fe80::1%eth0")).isTrue();
	}

	@Test
	void memoryStaysBoundedWhateverArrives() {
		PrayersPerAddress limits = new PrayersPerAddress(3, 100);
		for (int i = 0; i < 20_000; i++) {
			limits.count(i % 7, TODAY, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
		}
		assertThat(limits.held()).isLessThanOrEqualTo(100);
	}

}
