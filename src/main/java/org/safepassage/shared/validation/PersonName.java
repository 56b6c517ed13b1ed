package org.safepassage.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A person's name as typed on a public form. Names are written into mails that go from
 * our address to whatever address was typed ("Dear …"), so a name may not carry something
 * a reader could follow: no {@code scheme://} or {@code mailto:}, no {@code www.}, no
 * {@code @}, no token that looks like a domain ({@code evil.example}, {@code t.co}) or an
 * IPv4 address. Compared after NFKC normalisation, so full-width {@code ＠} and {@code ．}
 * count too. "J.R.R. Tolkien" and "Dr. med. Müller" pass; a full stop directly followed
 * by two or more letters ("Mrs.Smith") does not, and the message says to put a space
 * after it. Leave emptiness to {@code @NotBlank}; combine with {@link PlainText} against
 * control characters.
 */
@Documented
@Constraint(validatedBy = PersonName.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

	String message() default "{validation.personName}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PersonName, String> {

		private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";

		private static final Pattern LINK_OR_ADDRESS = Pattern.compile(
				"@|://|\\bwww\\.|\\b(?:https?|ftp|mailto|javascript):" + "|" + LABEL + "(?:\\." + LABEL
						+ ")*\\.\\p{L}[\\p{L}\\p{N}-]*[\\p{L}\\p{N}]" + "|\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || !carriesLinkOrAddress(value);
		}

		public static boolean carriesLinkOrAddress(String name) {
			String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).replace('\u3002', '.');
			return LINK_OR_ADDRESS.matcher(normalised).find();
		}

	}

}
