package org.safepassage.petitions.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.petitions.delivery.DeliveryPhotos.Photo;
import org.safepassage.petitions.domain.Delivery;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository.PetitionChanged;
import org.safepassage.petitions.domain.RecentCopies;
import org.safepassage.system.mail.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Recording how a petition was delivered and what the target answered, and reading both
 * back for the public page. Each record also queues an update for the signers who asked
 * for them ({@link SignerUpdates}), in the same transaction.
 */
@Service
public class DeliveryRecords {

	public record DeliveryView(LocalDate deliveredOn, String recipientName, String recipientOffice,
			Delivery.Method method, String notes, String photoEtag) {

		public boolean hasPhoto() {
			return photoEtag != null;
		}

	}

	/** A response as recorded by staff; {@code sourceUrl} is http or https, or null. */
	public record Response(LocalDate respondedOn, String responder, String body, String sourceUrl) {
	}

	public record ResponseView(long id, LocalDate respondedOn, String responder, String body, String sourceUrl) {

		public List<String> paragraphs() {
			return List.of(body.split("\\R\\s*\\R"));
		}

	}

	/** What the public page shows under the petition. */
	public record PublicRecord(Optional<DeliveryView> delivery, List<ResponseView> responses) {

		static final PublicRecord NONE = new PublicRecord(Optional.empty(), List.of());

	}

	public enum UpdateKind {

		DELIVERED, RESPONDED

	}

	/**
	 * One update to signers and how far its mails have got; {@code capped} signers were
	 * not mailed because their mailbox already had the day's update mails.
	 */
	public record UpdateProgress(long id, UpdateKind kind, Instant createdAt, int queued, int capped,
			Instant finishedAt, String responder, Map<String, Long> mailsByStatus) {

		public long sent() {
			return mailsByStatus.getOrDefault("sent", 0L);
		}

		public long waiting() {
			return mailsByStatus.getOrDefault("pending", 0L) + mailsByStatus.getOrDefault("sending", 0L);
		}

		public long notSent() {
			return mailsByStatus.getOrDefault("failed", 0L) + mailsByStatus.getOrDefault("suppressed", 0L);
		}

	}

	private final JdbcClient jdbc;

	private final PetitionAdministration administration;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * The public page reads these on every render; they change a few times in a
	 * petition's life. Other instances see a change within 5 s.
	 */
	private final RecentCopies<Long, PublicRecord> recent = new RecentCopies<>(Duration.ofSeconds(5), 1_000,
			this::read);

	DeliveryRecords(JdbcClient jdbc, PetitionAdministration administration, Outbox outbox,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.administration = administration;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Marks the petition delivered (only a closed one), keeps how, and queues the mail to
	 * signers who asked for updates.
	 */
	@Transactional
	public void deliver(long petitionId, Delivery delivery, Photo photo, String staff) {
		administration.deliver(petitionId, delivery);
		jdbc.sql(PetitionQueries.INSERT_DELIVERY)
			.param("petitionId", petitionId)
			.param("deliveredOn", delivery.deliveredOn())
			.param("recipientName", delivery.recipientName())
			.param("recipientOffice", delivery.recipientOffice())
			.param("method", delivery.method().name())
			.param("notes", delivery.notes())
			.param("photo", photo == null ? null : photo.bytes())
			.param("photoType", photo == null ? null : photo.contentType())
			.param("photoEtag", photo == null ? null : photo.etag())
			.param("recordedBy", staff)
			.param("now", PetitionQueries.at(clock.instant()))
			.update();
		queueUpdate(petitionId, UpdateKind.DELIVERED, null);
		changed(petitionId);
	}

	/** Keeps a response (a petition may get several) and queues its mail to signers. */
	@Transactional
	public long respond(long petitionId, Response response, String staff) {
		administration.get(petitionId).requireAcceptsResponses();
		long id = jdbc.sql(PetitionQueries.INSERT_RESPONSE)
			.param("petitionId", petitionId)
			.param("respondedOn", response.respondedOn())
			.param("responder", response.responder())
			.param("body", response.body())
			.param("sourceUrl", response.sourceUrl())
			.param("recordedBy", staff)
			.param("now", PetitionQueries.at(clock.instant()))
			.query(Long.class)
			.single();
		queueUpdate(petitionId, UpdateKind.RESPONDED, id);
		changed(petitionId);
		return id;
	}

	/** For the public page: a copy at most 5 s old, dropped when staff change it. */
	public PublicRecord publicRecord(long petitionId) {
		return recent.get(petitionId, PublicRecord.NONE, 2000);
	}

	/** For staff: read now, not from the copy. */
	public PublicRecord currentRecord(long petitionId) {
		return read(petitionId);
	}

	public Optional<Photo> photo(long petitionId) {
		return jdbc.sql(PetitionQueries.DELIVERY_PHOTO)
			.param("petitionId", petitionId)
			.query((rs, n) -> new Photo(rs.getBytes(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public List<UpdateProgress> updates(long petitionId) {
		return jdbc.sql(PetitionQueries.UPDATES_OF_PETITION)
			.param("petitionId", petitionId)
			.query((rs, n) -> new UpdateProgress(rs.getLong("id"), UpdateKind.valueOf(rs.getString("kind")),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("queued"), rs.getInt("capped"),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getString("responder"), outbox.countsByStatus(SignerUpdates.category(rs.getLong("id")))))
			.list();
	}

	Optional<ResponseView> response(long id) {
		return jdbc.sql(PetitionQueries.FIND_RESPONSE).param("id", id).query(DeliveryRecords::response).optional();
	}

	Optional<DeliveryView> delivery(long petitionId) {
		return jdbc.sql(PetitionQueries.FIND_DELIVERY)
			.param("petitionId", petitionId)
			.query((rs, n) -> new DeliveryView(rs.getObject("delivered_on", LocalDate.class),
					rs.getString("recipient_name"), rs.getString("recipient_office"),
					Delivery.Method.valueOf(rs.getString("method")), rs.getString("notes"), rs.getString("photo_etag")))
			.optional();
	}

	/** After the commit, so a reader cannot copy what is about to change. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(PetitionChanged changed) {
		recent.forget(changed.petitionId());
	}

	private PublicRecord read(long petitionId) {
		return new PublicRecord(delivery(petitionId),
				jdbc.sql(PetitionQueries.RESPONSES)
					.param("petitionId", petitionId)
					.query(DeliveryRecords::response)
					.list());
	}

	private static ResponseView response(ResultSet rs, int row) throws SQLException {
		return new ResponseView(rs.getLong("id"), rs.getObject("responded_on", LocalDate.class),
				rs.getString("responder"), rs.getString("body"), rs.getString("source_url"));
	}

	private void queueUpdate(long petitionId, UpdateKind kind, Long responseId) {
		jdbc.sql(PetitionQueries.INSERT_UPDATE)
			.param("petitionId", petitionId)
			.param("kind", kind.name())
			.param("responseId", responseId)
			.param("now", PetitionQueries.at(clock.instant()))
			.update();
	}

	/** The page cache of this instance forgets the petition at once. */
	private void changed(long petitionId) {
		events.publishEvent(new PetitionChanged(petitionId));
	}

}
