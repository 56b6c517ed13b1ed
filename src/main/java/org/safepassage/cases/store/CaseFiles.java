package org.safepassage.cases.store;

import static org.safepassage.shared.RuleViolation.require;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.ProtectedPart;
import org.safepassage.shared.NotFoundException;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.sealing.Sealing;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with a case: record it, revise it, ask for publication, approve it (a
 * second person), send it back, withdraw it, delete it. Publication steps are in the
 * audit ({@code case.publish.requested}, {@code case.published}, {@code case.withdrawn}).
 */
@Service
public class CaseFiles {

	public static final String PUBLISH_REQUESTED = "case.publish.requested";

	public static final String PUBLISHED = "case.published";

	public static final String WITHDRAWN = "case.withdrawn";

	private static final String SLUG_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	private final CaseRepository cases;

	private final ProtectedFields fields;

	private final Sealing sealing;

	private final AuditLog audit;

	private final Clock clock;

	private final ContentTranslations translations;

	CaseFiles(CaseRepository cases, ProtectedFields fields, Sealing sealing, AuditLog audit, Clock clock,
			ContentTranslations translations) {
		this.cases = cases;
		this.fields = fields;
		this.sealing = sealing;
		this.audit = audit;
		this.clock = clock;
		this.translations = translations;
	}

	/**
	 * The languages a story may be translated into: those content is translated into
	 * (every offered language but the default), as tags.
	 */
	private List<String> translationLanguages() {
		return this.translations.languages().stream().map(Locale::toLanguageTag).toList();
	}

	private void checkLanguages(CaseContent content) {
		require(translationLanguages().containsAll(content.storyTranslations().keySet()),
				"cases.rule.translationLanguage");
	}

	/** A new draft with its own data key; its protected part sealed at once. */
	@Transactional
	public long create(CaseContent content, ProtectedPart protectedPart, String actor) {
		checkLanguages(content);
		int year = this.clock.instant().atZone(ZoneOffset.UTC).getYear();
		String number = "C-%d-%04d".formatted(year, this.cases.nextNumber(year));
		long dataKey = this.sealing.newDataKey();
		long id = this.cases.insert(Case.draft(number, slug(), dataKey, content, actor));
		this.fields.write(find(id), protectedPart);
		return id;
	}

	public Case find(long id) {
		return this.cases.find(id).orElseThrow(() -> new NotFoundException("No case " + id));
	}

	@Transactional
	public void revise(long id, CaseContent content) {
		checkLanguages(content);
		Case file = find(id);
		file.revise(content);
		this.cases.update(file);
	}

	@Transactional
	public void writeProtected(long id, ProtectedPart changes) {
		this.fields.write(find(id), changes);
	}

	@Transactional
	public void requestPublication(long id, String actor, String address) {
		Case file = find(id);
		file.requestPublication(actor, this.clock.instant());
		this.cases.update(file);
		this.audit.record(actor, PUBLISH_REQUESTED, "case:" + id, "ok", address);
	}

	@Transactional
	public void approve(long id, String actor, String address) {
		Case file = find(id);
		String requestedBy = file.reviewRequestedBy();
		file.approve(actor, this.clock.instant());
		this.cases.update(file);
		this.audit.record(actor, PUBLISHED, "case:" + id, "requested by " + requestedBy, address);
	}

	@Transactional
	public void sendBack(long id) {
		Case file = find(id);
		file.cancelReview();
		this.cases.update(file);
	}

	@Transactional
	public void withdraw(long id, String actor, String address) {
		Case file = find(id);
		file.withdraw(this.clock.instant());
		this.cases.update(file);
		this.audit.record(actor, WITHDRAWN, "case:" + id, "ok", address);
	}

	/**
	 * Deletes the case and destroys its data key: its protected part, attachments
	 * included, cannot be read again from the database or from any backup.
	 */
	@Transactional
	public void delete(long id, String actor, String address) {
		Case file = find(id);
		this.cases.delete(id);
		this.sealing.destroyDataKey(file.dataKeyId());
		this.audit.record(actor, "case.deleted", "case:" + id + " " + file.number(), "ok", address);
	}

	private String slug() {
		StringBuilder slug = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			slug.append(SLUG_LETTERS.charAt(this.random.nextInt(SLUG_LETTERS.length())));
		}
		return slug.toString();
	}

}
