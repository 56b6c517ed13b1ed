package org.safepassage.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The name of one of an enum's constants, in any case ({@code "returned"} for
 * {@code RETURNED}); on a collection, every element must be one. Empty is allowed (add
 * {@code @NotBlank} or {@code @NotEmpty} to require a value). Read the value with
 * {@link EnumNames#parse}.
 */
@Documented
@Constraint(validatedBy = { OneOf.TextValidator.class, OneOf.CollectionValidator.class })
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

	/** The enum whose constant names are accepted. */
	@SuppressWarnings("rawtypes")
	Class<? extends Enum> value();

	String message() default "{validation.oneOf}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class TextValidator implements ConstraintValidator<OneOf, String> {

		@SuppressWarnings("rawtypes")
		private Class<? extends Enum> type;

		@Override
		public void initialize(OneOf annotation) {
			this.type = annotation.value();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || EnumNames.names(type, value);
		}

	}

	class CollectionValidator implements ConstraintValidator<OneOf, Collection<String>> {

		@SuppressWarnings("rawtypes")
		private Class<? extends Enum> type;

		@Override
		public void initialize(OneOf annotation) {
			this.type = annotation.value();
		}

		@Override
		public boolean isValid(Collection<String> values, ConstraintValidatorContext context) {
			return values == null || values.stream().allMatch(value -> value != null && EnumNames.names(type, value));
		}

	}

}
