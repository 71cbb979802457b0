import { profileColours } from '../../../shared/profiles/profile-colours';

interface ColourPickerProps {
  value: string;
  onChange: (value: string) => void;
}

/** The instance colour as a group of radio buttons: each named, reachable with arrow keys. */
export function ColourPicker({ value, onChange }: ColourPickerProps) {
  return (
    <fieldset className="field colour-picker">
      <legend>Colour</legend>
      {profileColours.map((colour) => (
        <label key={colour.value} className="colour-option">
          <input
            type="radio"
            name="profile-colour"
            value={colour.value}
            checked={value.toLowerCase() === colour.value}
            onChange={() => onChange(colour.value)}
          />
          <span className="colour-dot" style={{ background: colour.value }} aria-hidden="true" />
          {colour.label}
        </label>
      ))}
    </fieldset>
  );
}
