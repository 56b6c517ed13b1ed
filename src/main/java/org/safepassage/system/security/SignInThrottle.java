package org.safepassage.system.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.shared.Backoff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address, with state in
 * PostgreSQL (shared by every instance, nothing held in memory). After
 * {@link SignInProperties#freeFailures()} failures each attempt waits a delay that
 * doubles with every further failure, up to {@link SignInProperties#maxDelay()}; while it
 * runs even the right password is refused, unchecked. Names that match no account are
 * throttled alike, so the answer never tells whether an account exists. An address the
 * account signed in from lately is exempt from the account's delay (not from its own):
 * failures elsewhere do not lock the owner out where they usually work.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SignInProperties properties;

	SignInThrottle(JdbcClient jdbc, Clock clock, SignInProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** The end of the wait now in force for this name from this address, if any. */
	Optional<Instant> lockedUntil(String name, String address) {
		Instant now = this.clock.instant();
		String account = accountKey(name);
		String from = addressKey(address);
		State state = this.jdbc.sql(StaffQueries.SIGN_IN_STATE)
			.param("account", account)
			.param("address", from)
			.param("since", Timestamp.from(now.minus(this.properties.failureMemory())))
			.param("knownSince", Timestamp.from(now.minus(this.properties.knownAddressMemory())))
			.query((rs, row) -> new State(rs.getInt("address_failures"), instant(rs.getTimestamp("address_last")),
					rs.getInt("account_failures"), instant(rs.getTimestamp("account_last")), rs.getBoolean("known")))
			.single();
		Optional<Instant> byAddress = until(state.addressFailures(), state.addressLast());
		Optional<Instant> byAccount = state.known() ? Optional.empty()
				: until(state.accountFailures(), state.accountLast());
		return Optional.ofNullable(later(byAddress.orElse(null), byAccount.orElse(null))).filter(now::isBefore);
	}

	/** Counts a failure; returns the wait it starts, if it starts one. */
	Optional<Instant> failed(String name, String address) {
		this.jdbc.sql(StaffQueries.SIGN_IN_FAILED)
			.param("account", accountKey(name))
			.param("address", addressKey(address))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		return lockedUntil(name, address);
	}

	/** Forgives this account's failures from this address, and remembers the address. */
	void succeeded(String name, String address) {
		String account = accountKey(name);
		String from = addressKey(address);
		this.jdbc.sql(StaffQueries.SIGN_IN_FORGIVE).param("account", account).param("address", from).update();
		this.jdbc.sql(StaffQueries.SIGN_IN_KNOWN_ADDRESS)
			.param("account", account)
			.param("address", from)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Whether the account as a whole (from an unknown address) must wait now. */
	boolean accountLimited(String email) {
		Instant now = this.clock.instant();
		return this.jdbc.sql(StaffQueries.SIGN_IN_ACCOUNT_STATE)
			.param("account", accountKey(email))
			.param("since", Timestamp.from(now.minus(this.properties.failureMemory())))
			.query((rs, row) -> until(rs.getInt("failures"), instant(rs.getTimestamp("last"))))
			.single()
			.filter(now::isBefore)
			.isPresent();
	}

	/**
	 * An admin lifts the wait: the account's failures are forgotten, and with them their
	 * weight on the addresses they came from.
	 */
	void lift(String email) {
		this.jdbc.sql(StaffQueries.SIGN_IN_LIFT).param("account", accountKey(email)).update();
	}

	void forgetOld() {
		Instant now = this.clock.instant();
		this.jdbc.sql(StaffQueries.SIGN_IN_FORGET_FAILURES)
			.param("before", Timestamp.from(now.minus(this.properties.failureMemory())))
			.update();
		this.jdbc.sql(StaffQueries.SIGN_IN_FORGET_ADDRESSES)
			.param("before", Timestamp.from(now.minus(this.properties.knownAddressMemory())))
			.update();
	}

	private Optional<Instant> until(int failures, Instant last) {
		if (failures < this.properties.freeFailures() || last == null) {
			return Optional.empty();
		}
		int beyondFree = failures - this.properties.freeFailures() + 1;
		return Optional
			.of(last.plus(Backoff.exponential(this.properties.firstDelay(), this.properties.maxDelay(), beyondFree)));
	}

	/**
	 * The name as typed, trimmed and in lower case, hashed: a password typed into the
	 * email field is not kept.
	 */
	static String accountKey(String name) {
		String normal = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
	}

	/** IPv4 as is; IPv6 as its /64, since one subscriber usually holds all of it. */
	static String addressKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address == null ? "unknown" : address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			byte[] prefix = Arrays.copyOf(bytes, 16);
			Arrays.fill(prefix, 8, 16, (byte) 0);
			return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
		}
		catch (UnknownHostException e) {
			return address;
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private record State(int addressFailures, Instant addressLast, int accountFailures, Instant accountLast,
			boolean known) {
	}

}
