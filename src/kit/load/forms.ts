import { formSchema, type FormData } from '../../schemas/form.ts';
import type { LoadContext } from './context.ts';

/** A printed form of the AMI (`content/formulaires/<id>.yaml`), validated. */
export interface Form {
  /** The file name without `.yaml`: `mission`. */
  id: string;
  /** Kit-relative file, to name it in messages. */
  file: string;
  data: FormData;
}

export const FORMS_FOLDER = 'content/formulaires';

/** Every form of `content/formulaires/`, in their declared order; a kit without the folder has no forms. */
export async function loadForms(context: LoadContext): Promise<Form[]> {
  const forms: Form[] = [];
  for (const { id, file } of await context.listEntries(FORMS_FOLDER, /\.yaml$/, { optional: true })) {
    const source = await context.attempt(() => context.readYaml(file));
    const data = source && context.validated(formSchema, source.data, file, source.lineOf);
    if (data) forms.push({ id, file, data });
  }
  return forms.sort((a, b) => a.data.ordre - b.data.ordre || a.id.localeCompare(b.id));
}
