package org.safepassage.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Rules that involve more than one field of a form ("to" not before "from", a verse's
 * text and reference together). The form implements {@link Checked} and reports each
 * broken rule on the field the person must change, so the page shows it beside that field
 * like any other message.
 */
@Documented
@Constraint(validatedBy = CrossField.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CrossField {

	String message() default "{validation.crossField}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** A form with rules across its fields. */
	interface Checked {

		/**
		 * Reports broken rules. Called after the single-field constraints, also when some
		 * of them failed: check only what can be read.
		 */
		void check(Errors errors);

	}

	/** Where a form reports a broken rule. */
	interface Errors {

		/**
		 * Reports the rule named by {@code messageKey} (a message code) on {@code field}.
		 */
		void reject(String field, String messageKey);

	}

	class Validator implements ConstraintValidator<CrossField, Checked> {

		@Override
		public boolean isValid(Checked form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			boolean[] valid = { true };
			context.disableDefaultConstraintViolation();
			form.check((field, messageKey) -> {
				valid[0] = false;
				context.buildConstraintViolationWithTemplate("{" + messageKey + "}")
					.addPropertyNode(field)
					.addConstraintViolation();
			});
			return valid[0];
		}

	}

}
