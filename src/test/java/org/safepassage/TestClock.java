package org.safepassage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: it runs with real time (so SMTP, polling and database
 * time stay in step) and can be moved forward, so a test of "expires after 14 days" moves
 * the clock instead of waiting. Integration tests share one; {@link IntegrationTest} puts
 * it back before each test.
 */
public final class TestClock extends Clock {

	private final Clock base;

	private volatile Duration offset = Duration.ZERO;

	public TestClock() {
		this(Clock.systemUTC());
	}

	private TestClock(Clock base) {
		this.base = base;
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	/** Sets the clock to an instant; it keeps running from there. */
	public void set(Instant instant) {
		this.offset = Duration.between(this.base.instant(), instant);
	}

	/** Back to real time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock clock = new TestClock(this.base.withZone(zone));
		clock.offset = this.offset;
		return clock;
	}

}
