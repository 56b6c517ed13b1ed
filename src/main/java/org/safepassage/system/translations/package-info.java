/**
 * Content staff wrote, translated field by field: a module declares what may be
 * translated ({@link org.safepassage.system.translations.TranslatableKind}), staff write
 * the translations beside the original on one generic page, and readers get the fields in
 * their language through {@link org.safepassage.system.translations.ContentTranslations},
 * or the original with a note.
 */
@NamedInterface("translations")
package org.safepassage.system.translations;

import org.springframework.modulith.NamedInterface;
