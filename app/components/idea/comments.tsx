import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, useValidatedForm } from "~/components/forms";
import { COMMENT_MAX, commentSchema } from "~/schemas/idea-page";
import { useLocalise, useMessages } from "~/utils/locale";
import { useFormat } from "./format";

export interface CommentItem {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string | Date;
  revisions: { body: string; replacedAt: string | Date }[];
}

export interface IdeaActionData {
  intent: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: { body?: string; commentId?: string };
}

function usePending(intent: string, commentId?: string) {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST"
    && navigation.formData?.get("intent") === intent
    && (commentId === undefined || navigation.formData?.get("commentId") === commentId);
}

/** The comments (plain text, escaped by React) with their history, edit forms and the new-comment form. */
export function Comments(props: { comments: CommentItem[]; userId: string; canComment: boolean; actionData?: IdeaActionData }) {
  const localise = useLocalise();
  const t = useMessages().ideas.page;
  const fmt = useFormat();
  const { actionData } = props;
  return (
    <section aria-labelledby="kommentarer" id="kommentarer-sektion">
      <h2 id="kommentarer">{t.commentsHeading(props.comments.length)}</h2>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      {props.comments.length === 0 ? <p>{t.noComments}</p> : (
        <ol className="comment-list">
          {props.comments.map((c) => (
            <li key={c.id} className="comment" id={`kommentar-${c.id}`}>
              <p className="comment__meta">
                <strong>{c.authorName}</strong> · <time dateTime={fmt.iso(c.createdAt)}>{fmt.dateTime(c.createdAt)}</time>
                {c.revisions.length > 0 && <> · {t.edited}</>}
              </p>
              <p className="comment__body">{c.body}</p>
              {c.revisions.length > 0 && (
                <details>
                  <summary>{t.earlierVersions(c.revisions.length)}</summary>
                  <ol>
                    {c.revisions.map((r, i) => (
                      <li key={i}>
                        <p className="comment__meta">{t.replacedAt(fmt.dateTime(r.replacedAt))}</p>
                        <p className="comment__body">{r.body}</p>
                      </li>
                    ))}
                  </ol>
                </details>
              )}
              {c.authorId === props.userId && <EditComment comment={c} actionData={actionData} />}
            </li>
          ))}
        </ol>
      )}
      {props.canComment && <NewComment key={props.comments.length} actionData={actionData?.intent === "comment" ? actionData : undefined} />}
    </section>
  );
}

function EditComment({ comment, actionData }: { comment: CommentItem; actionData?: IdeaActionData }) {
  const t = useMessages().ideas.page;
  const mine = actionData?.intent === "edit_comment" && actionData.values?.commentId === comment.id ? actionData : undefined;
  const pending = usePending("edit_comment", comment.id);
  const name = `body-${comment.id}`;
  return (
    <details open={mine !== undefined}>
      <summary>{t.edit}</summary>
      <Form method="post" className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="edit_comment" />
        <input type="hidden" name="commentId" value={comment.id} />
        <Field name={name} label={t.editLabel} error={mine?.fieldErrors?.body}>
          {(a11y) => (
            <textarea {...a11y} name="body" rows={4} maxLength={COMMENT_MAX} required
              defaultValue={mine?.values?.body ?? comment.body} />
          )}
        </Field>
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? t.pending : t.saveEdit}
        </button>
      </Form>
    </details>
  );
}

function NewComment({ actionData }: { actionData?: IdeaActionData }) {
  const t = useMessages().ideas.page;
  const pending = usePending("comment");
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: commentSchema,
    defaultValues: { intent: "comment", body: actionData?.values?.body ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  const errors = form.formState.errors;
  const summary: FieldErrors = { ...(actionData?.fieldErrors ?? {}), ...(errors.body?.message ? { body: errors.body.message } : {}) };
  return (
    <>
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...field("intent")} />
        <Field name="body" label={t.commentLabel} hint={t.commentHint} error={errors.body?.message}>
          {(a11y) => <textarea {...a11y} rows={5} maxLength={COMMENT_MAX} required {...field("body")} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
          {pending ? t.sendingComment : t.addComment}
        </button>
      </Form>
    </>
  );
}
