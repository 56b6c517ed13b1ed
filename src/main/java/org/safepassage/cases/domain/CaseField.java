package org.safepassage.cases.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that says which field of a case may be published. {@link PublicCase} is
 * built from the {@link Visibility#PUBLIC} fields only, and a test checks that its
 * components are exactly these; a field added to a case is not public until it is
 * declared so here. {@link Visibility#PROTECTED} fields are stored only sealed, in the
 * column named here, and read only through an audited reveal; {@link Visibility#STAFF}
 * fields are for staff pages and never published.
 */
public enum CaseField {

	SLUG(Visibility.PUBLIC), PSEUDONYM(Visibility.PUBLIC), AGE_BAND(Visibility.PUBLIC), GENDER(Visibility.PUBLIC),
	SITUATION(Visibility.PUBLIC), SITUATION_SINCE(Visibility.PUBLIC), LAST_HEARD_ON(Visibility.PUBLIC),
	STORY(Visibility.PUBLIC), STORY_TRANSLATIONS(Visibility.PUBLIC), LINKS(Visibility.PUBLIC),
	PUBLISHED_AT(Visibility.PUBLIC),

	NUMBER(Visibility.STAFF), STATE(Visibility.STAFF),

	REAL_NAME(Visibility.PROTECTED), OTHER_NAMES(Visibility.PROTECTED), BIRTH_DATE(Visibility.PROTECTED),
	FAMILY(Visibility.PROTECTED), CONTACTS(Visibility.PROTECTED), EXACT_PLACES(Visibility.PROTECTED),
	NOTES(Visibility.PROTECTED);

	public enum Visibility {

		PUBLIC, STAFF, PROTECTED

	}

	private final Visibility visibility;

	CaseField(Visibility visibility) {
		this.visibility = visibility;
	}

	public Visibility visibility() {
		return this.visibility;
	}

	public boolean isPublic() {
		return this.visibility == Visibility.PUBLIC;
	}

	public boolean isProtected() {
		return this.visibility == Visibility.PROTECTED;
	}

	/** The column, and the name in the audit ({@code field:real_name}). */
	public String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The sealing context: binds a sealed value to its case and field. */
	public String context(long caseId) {
		if (!isProtected()) {
			throw new IllegalArgumentException(this + " is not sealed");
		}
		return "case " + caseId + " " + column();
	}

	public static List<CaseField> protectedFields() {
		return Arrays.stream(values()).filter(CaseField::isProtected).toList();
	}

	public static List<CaseField> publicFields() {
		return Arrays.stream(values()).filter(CaseField::isPublic).toList();
	}

	/** A protected field by its column name, as forms send it. */
	public static Optional<CaseField> protectedByColumn(String column) {
		return protectedFields().stream().filter(f -> f.column().equals(column)).findFirst();
	}

}
