package org.safepassage.petitions.pack;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Signatures written straight to the table, in the states a test needs. */
final class PackSignatures {

	private PackSignatures() {
	}

	static long sign(JdbcClient jdbc, long petitionId, String name, String email, String country, Instant confirmedAt) {
		return jdbc.sql("""
				insert into signature (petition_id, name, email, email_canonical, country, postcode, locale, ip,
				                       created_at, confirmed_at, token_hash, token_expires_at)
				values (:petitionId, :name, :email, :email, :country, 'SW1A 1AA', 'en', '198.51.100.7',
				        :confirmedAt, :confirmedAt, sha256(convert_to(:email || random()::text, 'UTF8')),
				        :confirmedAt)
				returning id""")
			.param("petitionId", petitionId)
			.param("name", name)
			.param("email", email)
			.param("country", country)
			.param("confirmedAt", confirmedAt == null ? Timestamp.from(Instant.now()) : Timestamp.from(confirmedAt))
			.query(Long.class)
			.single();
	}

	static void unconfirm(JdbcClient jdbc, long signatureId) {
		jdbc.sql("update signature set confirmed_at = null where id = :id").param("id", signatureId).update();
	}

}
