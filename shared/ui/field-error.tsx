/** A form's or a row's error, under it and announced to screen readers; nothing when there is none. */
export function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <p class="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
