package org.safepassage.petitions.pack;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.system.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who downloaded which file of which pack, when and from which client address. A pack's
 * files hold every signer's name, so each download is written to the pack's own list,
 * which staff see on the pack page, and to the audit log; a download refused because the
 * signatures changed is in the audit log too.
 */
@Component
public class PackDownloads {

	/** The audit log's action of a pack download. */
	public static final String ACTION = "petitions.pack.downloaded";

	/** How many of a petition's downloads the pack page lists. */
	static final int LISTED = 100;

	/** One download, as the pack page lists it. */
	public record PackDownload(long packId, Instant packMadeAt, DeliveryPacks.Format format, String by, Instant at,
			String address) {
	}

	/** Who asks for a file, and from where. */
	public record Downloader(String staff, String address) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate own;

	PackDownloads(JdbcClient jdbc, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		// The file is written in a read-only transaction; the record is committed on its
		// own, before the first byte goes out, so a download cut short is still listed.
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void recordDownload(long petitionId, long packId, DeliveryPacks.Format format, Downloader who) {
		Instant now = clock.instant();
		own.executeWithoutResult(tx -> {
			jdbc.sql(PetitionQueries.INSERT_PACK_DOWNLOAD)
				.param("packId", packId)
				.param("format", format.name())
				.param("by", who.staff())
				.param("at", Timestamp.from(now))
				.param("address", who.address())
				.update();
			audit.record(who.staff(), ACTION, record(petitionId, packId, format), "ok", who.address());
		});
	}

	void recordRefusal(long petitionId, long packId, DeliveryPacks.Format format, Downloader who, String why) {
		own.executeWithoutResult(
				tx -> audit.record(who.staff(), ACTION, record(petitionId, packId, format), why, who.address()));
	}

	/** The latest downloads of a petition's packs, newest first. */
	public List<PackDownload> of(long petitionId) {
		return jdbc.sql(PetitionQueries.PACK_DOWNLOADS)
			.param("petitionId", petitionId)
			.param("limit", LISTED)
			.query((rs, n) -> new PackDownload(rs.getLong("pack_id"), rs.getTimestamp("generated_at").toInstant(),
					DeliveryPacks.Format.valueOf(rs.getString("format")), rs.getString("downloaded_by"),
					rs.getTimestamp("downloaded_at").toInstant(), rs.getString("address")))
			.list();
	}

	private static String record(long petitionId, long packId, DeliveryPacks.Format format) {
		return "petition:" + petitionId + " pack:" + packId + " file:" + format.name().toLowerCase();
	}

}
