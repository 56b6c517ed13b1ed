package org.safepassage.petitions;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signatures written straight into the table, in every state the update mails must tell
 * apart, for tests that are about what happens after signing.
 */
public final class SignerFixtures {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SignerFixtures() {
	}

	public record Signer(String email, boolean keepUpdated, boolean confirmed, boolean flagged, boolean invalidated,
			String locale) {

		public static Signer optedIn(String email) {
			return new Signer(email, true, true, false, false, "en");
		}

	}

	public static long insert(JdbcClient jdbc, long petitionId, Signer s) {
		byte[] token = new byte[32];
		RANDOM.nextBytes(token);
		Instant now = Instant.now();
		return jdbc.sql("""
				insert into signature (petition_id, name, email, email_canonical, country, postcode, keep_updated,
				                       locale, ip, token_hash, token_expires_at, confirmed_at, flagged,
				                       invalidated_at)
				values (:petitionId, :name, :email, lower(:email), 'GB', 'SW1A 1AA', :keepUpdated, :locale,
				        cast('192.0.2.7' as inet), :token, :expires, :confirmedAt, :flagged, :invalidatedAt)
				returning id""")
			.param("petitionId", petitionId)
			.param("name", "Signer " + s.email().substring(0, s.email().indexOf('@')))
			.param("email", s.email())
			.param("keepUpdated", s.keepUpdated())
			.param("locale", s.locale())
			.param("token", token)
			.param("expires", now.plusSeconds(3600).atOffset(ZoneOffset.UTC))
			.param("confirmedAt", s.confirmed() ? now.atOffset(ZoneOffset.UTC) : null)
			.param("flagged", s.flagged())
			.param("invalidatedAt", s.invalidated() ? now.atOffset(ZoneOffset.UTC) : null)
			.query(Long.class)
			.single();
	}

}
