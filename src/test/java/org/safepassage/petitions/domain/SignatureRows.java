package org.safepassage.petitions.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: signatures written straight into the table, with the times a test needs
 * (the signing path stamps them with the clock of the moment).
 */
public final class SignatureRows {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SignatureRows() {
	}

	/**
	 * A signature as the signing path stores it; confirmed when {@code confirmedAt} is
	 * set, and then queued for counting as a confirmation is (the counting job folds it
	 * in).
	 */
	public static long insert(JdbcClient jdbc, long petitionId, String email, String country, Instant createdAt,
			Instant confirmedAt) {
		byte[] tokenHash = new byte[32];
		RANDOM.nextBytes(tokenHash);
		long id = jdbc
			.sql("""
					insert into signature (petition_id, name, email, email_canonical, country, postcode, keep_updated,
					                       locale, ip, created_at, confirmed_at, token_hash, token_expires_at)
					values (:petitionId, :name, :email, :email, :country, 'SW1A 1AA', true, 'en', cast('198.51.100.7' as inet),
					        :createdAt, :confirmedAt, :tokenHash, :expiresAt)
					returning id""")
			.param("petitionId", petitionId)
			.param("name", "Signer " + email)
			.param("email", email)
			.param("country", country)
			.param("createdAt", PetitionQueries.at(createdAt))
			.param("confirmedAt", confirmedAt == null ? null : PetitionQueries.at(confirmedAt))
			.param("tokenHash", tokenHash)
			.param("expiresAt", PetitionQueries.at(createdAt.plus(Duration.ofDays(14))))
			.query(Long.class)
			.single();
		if (confirmedAt != null) {
			queueCounts(jdbc, petitionId, country, 1);
		}
		return id;
	}

	private static void queueCounts(JdbcClient jdbc, long petitionId, String country, int count) {
		jdbc.sql("""
				insert into signature_count_pending (petition_id, country)
				select :petitionId, :country from generate_series(1, :count)""")
			.param("petitionId", petitionId)
			.param("country", country)
			.param("count", count)
			.update();
	}

	/** Many confirmed signatures in one statement, queued for counting. */
	public static void insertMany(JdbcClient jdbc, long petitionId, int count, String country, Instant at) {
		jdbc.sql(
				"""
						insert into signature (petition_id, name, email, email_canonical, country, postcode, locale, ip,
						                       created_at, confirmed_at, token_hash, token_expires_at)
						select :petitionId, 'Bulk ' || n, 'bulk' || n || '@example.org', 'bulk-' || cast(gen_random_uuid() as text) || '@example.org',
						       :country, 'N1 9GU', 'en', cast('203.0.113.9' as inet), :at, :at, cast(cast(gen_random_uuid() as text) as bytea),
						       :at
						from generate_series(1, :count) as n""")
			.param("petitionId", petitionId)
			.param("count", count)
			.param("country", country)
			.param("at", PetitionQueries.at(at))
			.update();
		queueCounts(jdbc, petitionId, country, count);
	}

}
