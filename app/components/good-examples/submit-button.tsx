import { useNavigation } from "@remix-run/react";

/** A submit button that shows a pending label while its own intent is being sent. */
export function SubmitButton(props: { intent?: string; label: string; pendingLabel: string; variant?: "primary" | "secondary" }) {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST" &&
    (props.intent === undefined || navigation.formData?.get("intent") === props.intent);
  return (
    <button
      type="submit" name={props.intent ? "intent" : undefined} value={props.intent}
      className={props.variant === "secondary" ? "button" : "button button--primary"} disabled={pending} aria-disabled={pending}
    >
      {pending ? props.pendingLabel : props.label}
    </button>
  );
}
