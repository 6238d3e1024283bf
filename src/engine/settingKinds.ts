/**
 * The kinds of setting the settings table (settings.ts) declares: a number in a range, a choice of
 * names, a switch, a list of whole numbers; each with its link key, CLI flag, label and help.
 */
interface SettingText {
  /** the short key in a link's query, e.g. "lr" */
  readonly key: string;
  /** the CLI flag without dashes, or null where the CLI has no such flag */
  readonly flag: string | null;
  /** the name people see on the page and in notes, e.g. "Learning rate" */
  readonly label: string;
  /** the name that starts a message ("init: …"); the label in lower case when absent */
  readonly name?: string;
  /** one sentence that says what the setting does */
  readonly help: string;
}

export interface NumberSetting extends SettingText {
  readonly kind: 'number';
  readonly whole: boolean;
  readonly min: number;
  readonly max: number;
  /** true: the value must be above min, not equal to it */
  readonly minExclusive?: boolean;
  /** what 0 means, where it means something ("0 = full batch") */
  readonly zero?: string;
  /** a value to suggest in messages */
  readonly example: string;
  readonly defaultValue: number;
}

export interface ChoiceSetting<T extends string> extends SettingText {
  readonly kind: 'choice';
  readonly choices: readonly T[];
  readonly defaultValue: T;
}

export interface SwitchSetting extends SettingText {
  readonly kind: 'switch';
  readonly defaultValue: boolean;
}

/** A list of whole numbers (the hidden layer sizes). */
export interface ListSetting extends SettingText {
  readonly kind: 'list';
  readonly maxItems: number;
  readonly min: number;
  readonly max: number;
  /** what one item is called in messages ("hidden layer 2: …") */
  readonly itemName: string;
  readonly defaultValue: readonly number[];
}

/** The declaration that fits a value type (the tuples stop unions of names from splitting). */
export type Setting<T> = [T] extends [number]
  ? NumberSetting
  : [T] extends [boolean]
    ? SwitchSetting
    : [T] extends [readonly number[]]
      ? ListSetting
      : [T] extends [string]
        ? ChoiceSetting<T>
        : never;
export type AnySetting = NumberSetting | ChoiceSetting<string> | SwitchSetting | ListSetting;
