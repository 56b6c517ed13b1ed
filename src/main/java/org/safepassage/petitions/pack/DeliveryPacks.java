package org.safepassage.petitions.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.RecentCopies;
import org.safepassage.shared.Countries;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.SafePassageProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery packs of closed petitions: generating one records the digest of the list as it
 * stands; each download makes the PDF or CSV again from the signatures, in one
 * repeatable-read snapshot, first checking that the list still gives the recorded digest
 * (a signature invalidated or erased since would change it), then streaming the rows. The
 * delivery records which pack it handed over with {@link #chooseForDelivery}; the public
 * page shows that pack's digest, or the latest pack's until then.
 */
@Service
public class DeliveryPacks {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final PackStore store;

	private final PetitionRepository petitions;

	private final TransactionTemplate writing;

	private final TransactionTemplate reading;

	private final Clock clock;

	private final MessageSource messages;

	private final SafePassageProperties site;

	private final PackDownloads downloads;

	/** For the public petition page: a copy at most two seconds old. */
	private final RecentCopies<Long, DeliveryPack> published;

	DeliveryPacks(PackStore store, PetitionRepository petitions, PlatformTransactionManager transactions, Clock clock,
			MessageSource messages, SafePassageProperties site, PackDownloads downloads) {
		this.store = store;
		this.downloads = downloads;
		this.petitions = petitions;
		this.clock = clock;
		this.messages = messages;
		this.site = site;
		this.writing = new TransactionTemplate(transactions);
		this.writing.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.reading = new TransactionTemplate(transactions);
		this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.reading.setReadOnly(true);
		this.published = new RecentCopies<>(Duration.ofSeconds(2), 1_000, id -> store.publishedPack(id).orElse(null));
	}

	/** The files of a pack. */
	public enum Format {

		PDF, CSV

	}

	/**
	 * Records a new pack of a closed or delivered petition: the count and digest of its
	 * valid signatures now.
	 */
	public DeliveryPack generate(long petitionId, String staff) {
		Petition petition = packable(petitionId);
		Instant now = clock.instant();
		long id = writing.execute(tx -> {
			CanonicalList list = store.list(petition.id(), null);
			return store.insertPack(petition.id(), now, staff, list.count(), list.digest());
		});
		return pack(petitionId, id);
	}

	public List<DeliveryPack> packs(long petitionId) {
		return store.packs(petitionId, 50);
	}

	public DeliveryPack pack(long petitionId, long packId) {
		return store.pack(petitionId, packId)
			.orElseThrow(() -> new NotFoundException("No pack " + packId + " of petition " + petitionId));
	}

	/**
	 * The pack handed over (or to be handed over) for a closed or delivered petition: the
	 * one chosen when the delivery was recorded, else the latest. Empty for other states,
	 * or when the database is away and no copy is held.
	 */
	public Optional<DeliveryPack> publishedPack(long petitionId) {
		return Optional.ofNullable(published.get(petitionId, null, 250));
	}

	/** Marks the pack that was handed over; the public page shows its digest. */
	public void chooseForDelivery(long petitionId, long packId) {
		pack(petitionId, packId);
		store.choose(petitionId, packId, clock.instant());
	}

	/**
	 * Writes a pack's PDF or CSV. {@code open} is called, to set the response's headers
	 * and give its stream, only once the signatures are known to still give the pack's
	 * digest; otherwise nothing is written and a {@link RuleViolation} says so. Either
	 * way the download is recorded ({@link PackDownloads}).
	 */
	public void write(long petitionId, long packId, Format format, Locale locale, PackDownloads.Downloader who,
			OutputOpener open) {
		DeliveryPack pack = pack(petitionId, packId);
		Petition petition = packable(petitionId);
		reading.executeWithoutResult(tx -> {
			CanonicalList list = store.list(petitionId, null);
			String digest = list.digest();
			if (list.count() != pack.signatures() || !digest.equals(pack.digest())) {
				downloads.recordRefusal(petitionId, packId, format, who, "refused: pack.rule.changed");
				throw new RuleViolation("pack.rule.changed",
						"Pack " + packId + " was " + pack.digest() + ", the signatures now give " + digest);
			}
			downloads.recordDownload(petitionId, packId, format, who);
			try (OutputStream out = open.open()) {
				if (format == Format.CSV) {
					writeCsv(petitionId, out);
				}
				else {
					writePdf(petition, pack, list.byCountry(), locale, out);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Gives the stream to write to, once it is known there is something to write. */
	@FunctionalInterface
	public interface OutputOpener {

		OutputStream open() throws IOException;

	}

	private void writeCsv(long petitionId, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		PackCsv csv = new PackCsv(writer);
		store.forEachRow(petitionId, null, row -> {
			try {
				csv.write(row);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.finish();
	}

	private void writePdf(Petition petition, DeliveryPack pack, Map<String, Long> byCountry, Locale locale,
			OutputStream out) {
		Map<String, String> names = new TreeMap<>();
		byCountry.keySet().forEach(code -> names.put(code, Countries.name(code, Locale.ENGLISH)));
		String period = DAY.format(petition.openedAt()) + " – "
				+ (petition.closedAt() == null ? "" : DAY.format(petition.closedAt()));
		PackPdf.Cover cover = new PackPdf.Cover(petition.content().title(), petition.content().demands(),
				petition.content().target(), period, pack.signatures(), byCountry, names, pack.digest(),
				site.link("/petitions/" + petition.id() + "/verify"), TIME.format(pack.generatedAt()));
		PackPdf pdf = new PackPdf(out, cover, (key, args) -> messages.getMessage(key, args, locale));
		store.forEachRow(petition.id(), null, pdf::write);
		pdf.finish();
	}

	private Petition packable(long petitionId) {
		Petition petition = petitions.find(petitionId)
			.orElseThrow(() -> new NotFoundException("No petition " + petitionId));
		RuleViolation.require(petition.state() == PetitionState.CLOSED || petition.state() == PetitionState.DELIVERED,
				"pack.rule.onlyClosed");
		return petition;
	}

}
