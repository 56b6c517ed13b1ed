package org.safepassage.alerts.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.safepassage.alerts.domain.AlertsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds "I prayed" per client address, per alert, per day, so a script that drops the
 * cookie cannot inflate the count. An IPv6 address counts as its /64, which one household
 * or one attacker usually holds whole. Addresses are only ever held in memory, as a keyed
 * hash (a random key per process), for at most a day, and at most {@code tracked} of
 * them: whatever arrives, memory stays bounded. The bound holds per instance, and as long
 * as fewer than {@code tracked} (alert, address) pairs arrive in a day; beyond that the
 * least used are forgotten early.
 */
@Component
class PrayersPerAddress {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private record Key(long alertId, long day, long address) {
	}

	private final int perAddress;

	private final Cache<Key, AtomicInteger> counted;

	private final SecretKeySpec hashKey;

	@Autowired
	PrayersPerAddress(AlertsProperties properties) {
		this(properties.prayers().perAddress(), properties.prayers().tracked());
	}

	PrayersPerAddress(int perAddress, int tracked) {
		this.perAddress = perAddress;
		this.counted = Caffeine.newBuilder().maximumSize(tracked).expireAfterWrite(Duration.ofDays(1)).build();
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.hashKey = new SecretKeySpec(key, "HmacSHA256");
	}

	/** Whether one more prayer from this address for this alert counts today. */
	boolean count(long alertId, LocalDate day, String clientAddress) {
		Key key = new Key(alertId, day.toEpochDay(), hash(network(clientAddress)));
		return counted.get(key, k -> new AtomicInteger()).incrementAndGet() <= perAddress;
	}

	/** How many (alert, address, day) entries are held now. */
	long held() {
		counted.cleanUp();
		return counted.estimatedSize();
	}

	/**
	 * The address's bytes, an IPv6 one cut to its /64; anything that is not an IP literal
	 * as its text.
	 */
	static byte[] network(String address) {
		if (address == null) {
			return new byte[0];
		}
		if (IPV4.matcher(address).matches() || address.indexOf(':') >= 0 && IPV6_CHARS.matcher(address).matches()) {
			try {
				// Only IP literals get here: they are parsed, never looked up in DNS. An
				// IPv4-mapped IPv6 address comes back as its IPv4 address.
				byte[] bytes = InetAddress.getByName(address).getAddress();
				return bytes.length == 16 ? Arrays.copyOf(bytes, 8) : bytes;
			}
			catch (UnknownHostException e) {
				// Not an address after all: counted by its text.
			}
		}
		return address.getBytes(StandardCharsets.UTF_8);
	}

	private long hash(byte[] network) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return ByteBuffer.wrap(mac.doFinal(network)).getLong();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
		}
	}

}
