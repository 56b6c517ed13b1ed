package org.safepassage.petitions.removal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.shared.CanonicalEmail;
import org.safepassage.shared.Tokens;
import org.safepassage.system.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signer removes their own signature through the link in any mail we sent them, or
 * staff remove it on the signer's request.
 * <p>
 * Removing erases the name, email, postcode and client address and keeps the row with its
 * petition, country and dates, rather than deleting it: the count of every past day stays
 * true (a chart or checkpoint drawn yesterday still adds up), the links mailed before
 * still find it and can say "already removed" instead of "unknown", and the signer may
 * sign again (the erased row no longer holds their address). A removed signature is also
 * invalidated, so no count includes it; if it counted, a -1 is queued in the same
 * transaction and the counts follow within the folding interval. The audit log names the
 * signature by id, never by address.
 */
@Service
public class SignatureRemoval {

	public enum Status {

		/**
		 * The link is good and the signature is still there: the page asks to confirm.
		 */
		VALID,
		/** Removed by this request. */
		JUST_REMOVED,
		/** Removed before. */
		REMOVED,
		/** No signature has this link. */
		UNKNOWN

	}

	public record Link(Status status, Long petitionId) {
	}

	/** A signature found for staff by its signer's address. */
	public record Match(long signatureId, long petitionId, String petitionTitle, String country, Instant createdAt,
			Instant confirmedAt) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	SignatureRemoval(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	private record Found(long id, long petitionId, boolean removed) {
	}

	/** What a removal link leads to, changing nothing (GET may be a mail scanner). */
	@Transactional(readOnly = true)
	public Link inspect(String token) {
		return find(token).map(f -> new Link(f.removed() ? Status.REMOVED : Status.VALID, f.petitionId()))
			.orElse(new Link(Status.UNKNOWN, null));
	}

	@Transactional
	public Link removeBySigner(String token) {
		Optional<Found> found = find(token);
		if (found.isEmpty()) {
			return new Link(Status.UNKNOWN, null);
		}
		long id = found.get().id();
		long petitionId = found.get().petitionId();
		if (!erase(id, "signer", null)) {
			return new Link(Status.REMOVED, petitionId);
		}
		audit.record(null, "remove signature by its signer", "signature=" + id + " petition=" + petitionId, "ok", null);
		return new Link(Status.JUST_REMOVED, petitionId);
	}

	/** The signatures still held for this address, on any petition (at most 100). */
	@Transactional(readOnly = true)
	public List<Match> findByEmail(String email) {
		return jdbc.sql(PetitionQueries.SIGNATURES_BY_EMAIL)
			.param("canonical", CanonicalEmail.of(email))
			.query((rs, n) -> new Match(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("title"),
					rs.getString("country"), rs.getTimestamp("created_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("confirmed_at")).map(Timestamp::toInstant).orElse(null)))
			.list();
	}

	/**
	 * @return whether the signature was there to remove
	 */
	@Transactional
	public boolean removeByStaff(long signatureId, String reason, String staff) {
		if (!erase(signatureId, "staff", reason)) {
			return false;
		}
		audit.record(staff, "remove signature on request", "signature=" + signatureId, "ok", null);
		return true;
	}

	private Optional<Found> find(String token) {
		if (!Tokens.looksValid(token)) {
			return Optional.empty();
		}
		return jdbc.sql(PetitionQueries.FIND_BY_ANY_LINK)
			.param("tokenHash", Tokens.hash(token))
			.query((rs, n) -> new Found(rs.getLong("id"), rs.getLong("petition_id"), rs.getBoolean("removed")))
			.optional();
	}

	private record Erased(long petitionId, String country, boolean counted) {
	}

	private boolean erase(long signatureId, String by, String reason) {
		Optional<Erased> erased = jdbc.sql(PetitionQueries.ERASE_SIGNATURE)
			.param("id", signatureId)
			.param("by", by)
			.param("reason", reason)
			.param("now", PetitionQueries.at(clock.instant()))
			.query((rs, n) -> new Erased(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.optional();
		erased.filter(Erased::counted)
			.ifPresent(e -> jdbc.sql(PetitionQueries.UNCOUNT)
				.param("petitionId", e.petitionId())
				.param("country", e.country())
				.update());
		return erased.isPresent();
	}

}
