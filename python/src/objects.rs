//! The typed result objects of the Python half, built straight from the core's values (no JSON).
//!
//! # Why
//!
//! `kaoping.evaluate` used to have the core write the period result as pretty JSON, hand the
//! text to Python and decode it there (`json.loads`, then a `Decimal` per score and an instance
//! per object). For a county hall's year that was about a fifth of the whole call. Here the core's
//! own value (`PeriodResult`, `MonthResult`) is walked once with serde and each part becomes its
//! Python object directly: a `kaoping.SubjectPeriod` for a `SubjectPeriod`, a `Decimal` for a
//! decimal, a `list` for a `Vec`. The JSON text is written only when `to_json()` asks for it.
//!
//! # How
//!
//! [`ObjectPlan`] is made once by the Python half (`kaoping._types.native_plan`), from the
//! dataclasses' fields: for each class, its fields in field order, each with its [`Shape`] (`str`,
//! `int`, `bool`, decimal, date, optional, list of, another class) and whether it is required.
//! The plan, not the Rust type, says what a value becomes: the core's structs and the Python
//! classes are matched field by field, by name, exactly as the JSON decoder matches them.
//!
//! [`build`] runs a value's `Serialize` implementation against a [`serde::Serializer`] that
//! follows the plan: a struct's fields are gathered into slots (by name), then the instance is
//! made as the dataclass `__init__` would make it, less the frozen `__setattr__` it goes around
//! (as the compiled JSON decoders do): `object.__new__(cls)`, then each field set by the generic
//! attribute setter (`object.__setattr__`), in field order, an absent optional field `None` (see
//! [`instance`]). Decimals are `Decimal(text)` of the core's own text (rust_decimal serialises
//! through `serialize_str`, so the digits and exponent are those of the JSON), dates
//! `date.fromisoformat(text)`. Enums arrive as their snake_case variant names, as in the JSON.
//!
//! Each distinct string, decimal and date is converted once per call and the object shared (a
//! county hall's year has 3,300 strings but 500 distinct ones, 2,500 decimals but 590 distinct
//! ones: months, ids, names, kinds and grades repeat). They are immutable, so only `is` can tell,
//! as with `decode_json`'s shared decimals.
//!
//! Cost, for a county hall's year (2,190 objects): about 2.5 ms to build and later free the
//! typed period result, against 1 ms to write the JSON and 7 ms to decode it on the old path.
//! What is left is mostly CPython allocating, setting, collecting and freeing the objects (about
//! three fifths) and the core's values being written out as text (decimals and months).
//!
//! # Why it gives the objects the JSON decoder gives
//!
//! The serializer accepts only what has one obvious JSON form that the reference decoder
//! (`kaoping._types.decode`) would accept for the field's type: a string (`serialize_str`, a unit
//! variant, `collect_str`, a char) for `str`, decimal and date fields; an integer for `int`; a
//! boolean for `bool`; a sequence for a list; a struct for a class; `None` (or `()`, JSON `null`)
//! for an optional field. Anything else (a float, a map, a tuple, an unknown or repeated field, a
//! missing required field, a conversion that raises) is an error, and the Python half then takes
//! the old path: the JSON text and `decode_json`, which gives the object or raises exactly the
//! error it always raised. So a result either matches the JSON path field for field or comes from
//! it. `python/tests/test_native_objects.py` checks both: real results against the reference
//! decoder, and mirrors of the classes with one field changed (another type, optional or
//! required, missing, extra), built natively only where the reference decoder accepts the JSON.
//!
//! The `unsafe` code is the two calls of the C API that pyo3 does not wrap, in [`instance`].

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyList, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Impossible, Serialize};
use std::collections::HashMap;
use std::fmt::{self, Display, Write as _};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a field's value becomes (the type of the dataclass field).
#[derive(Debug)]
enum Shape {
    Str,
    Int,
    Bool,
    /// `decimal.Decimal` of the core's decimal text.
    Decimal,
    /// `datetime.date` of the core's `YYYY-MM-DD` text.
    Date,
    /// `None`, or the inner shape (`Optional[...]`).
    Optional(Box<Shape>),
    /// A `list` of the inner shape (`List[...]`).
    List(Box<Shape>),
    /// An instance of the plan's class with this index.
    Class(usize),
}

#[derive(Debug)]
struct Field {
    name: String,
    /// The address and length of the core's `&'static str` for this name, once met: later
    /// structs are matched by address, without comparing the text.
    seen: OnceLock<(usize, usize)>,
    /// The field's name as an interned Python string (the `__dict__` key).
    key: Py<PyString>,
    shape: Shape,
    /// Without a default: the value must be given. The others default to `None`.
    required: bool,
}

impl Field {
    /// Whether the core's field `key` is this field.
    fn is(&self, key: &'static str) -> bool {
        let at = (key.as_ptr() as usize, key.len());
        if self.seen.get() == Some(&at) {
            return true; // the same bytes as when the names were compared
        }
        let same = self.name == key;
        if same {
            let _ = self.seen.set(at);
        }
        same
    }
}

#[derive(Debug)]
struct Class {
    cls: Py<PyType>,
    /// The class's `tp_new` slot: `object.__new__`'s C function (the Python half checks that
    /// the class does not define another `__new__`).
    tp_new: ffi::newfunc,
    /// In field order: the order of the instance's `__dict__`.
    fields: Vec<Field>,
}

/// How to build one class of results and the classes it holds (`kaoping._types.native_plan`).
///
/// `ObjectPlan(classes, decimal, date)`: `classes` is a list of `(cls, fields)`, the class to
/// build first, then the classes it holds (Python classes whose `__new__` is `object.__new__`);
/// `fields` a list of `(name, shape, required)` in field order, where a shape is `"str"`,
/// `"int"`, `"bool"`, `"decimal"`, `"date"`, `("optional", shape)`, `("list", shape)` or
/// `("class", index in classes)`. `decimal(text)` and `date(text)` convert a decimal's and a
/// date's text (`Decimal`, `date.fromisoformat`).
#[pyclass(frozen, module = "kaoping._kaoping", name = "ObjectPlan")]
#[derive(Debug)]
pub struct ObjectPlan {
    classes: Vec<Class>,
    decimal: Py<PyAny>,
    date: Py<PyAny>,
}

/// A field of a plan as Python gives it: `(name, shape, required)`.
type PlanField<'py> = (String, Bound<'py, PyAny>, bool);

#[pymethods]
impl ObjectPlan {
    #[new]
    fn py_new(
        classes: Vec<(Bound<'_, PyType>, Vec<PlanField<'_>>)>,
        decimal: Py<PyAny>,
        date: Py<PyAny>,
    ) -> PyResult<ObjectPlan> {
        if classes.is_empty() {
            return Err(PyValueError::new_err("an object plan needs at least one class"));
        }
        let count = classes.len();
        let mut out = Vec::with_capacity(count);
        for (cls, fields) in classes {
            let py = cls.py();
            let mut plan_fields = Vec::with_capacity(fields.len());
            for (name, shape, required) in fields {
                if plan_fields.iter().any(|f: &Field| f.name == name) {
                    return Err(PyValueError::new_err(format!("{cls}: the field {name:?} is given twice")));
                }
                let shape = parse_shape(&shape, count)?;
                let key = PyString::intern(py, &name).unbind();
                plan_fields.push(Field { name, seen: OnceLock::new(), key, shape, required });
            }
            let tp_new = instance::tp_new(&cls)?;
            out.push(Class { cls: cls.unbind(), tp_new, fields: plan_fields });
        }
        Ok(ObjectPlan { classes: out, decimal, date })
    }

    /// The classes of the plan, the one it builds first.
    #[getter]
    fn classes<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyType>> {
        self.classes.iter().map(|c| c.cls.bind(py).clone()).collect()
    }
}

fn parse_shape(shape: &Bound<'_, PyAny>, classes: usize) -> PyResult<Shape> {
    if let Ok(name) = shape.extract::<String>() {
        return match name.as_str() {
            "str" => Ok(Shape::Str),
            "int" => Ok(Shape::Int),
            "bool" => Ok(Shape::Bool),
            "decimal" => Ok(Shape::Decimal),
            "date" => Ok(Shape::Date),
            _ => Err(PyValueError::new_err(format!("unknown shape {name:?}"))),
        };
    }
    let tuple = shape.cast::<PyTuple>().map_err(|_| PyTypeError::new_err(format!("a shape is a str or a tuple, got {shape}")))?;
    let (kind, arg): (String, Bound<'_, PyAny>) = tuple.extract()?;
    match kind.as_str() {
        "optional" => Ok(Shape::Optional(Box::new(parse_shape(&arg, classes)?))),
        "list" => Ok(Shape::List(Box::new(parse_shape(&arg, classes)?))),
        "class" => {
            let i: usize = arg.extract()?;
            if i >= classes {
                return Err(PyValueError::new_err(format!("class index {i} out of range ({classes} classes)")));
            }
            Ok(Shape::Class(i))
        }
        _ => Err(PyValueError::new_err(format!("unknown shape {kind:?}"))),
    }
}

/// Builds the plan's first class from `value` (see the module documentation). An error means
/// "take the JSON path": the value does not fit the plan, or a conversion raised.
pub fn build<'py, T: Serialize + ?Sized>(py: Python<'py>, plan: &ObjectPlan, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let mut b = Builder { py, plan, strings: Texts::default(), decimals: Texts::default(), dates: Texts::default(), buf: String::new(), slots: Vec::new() };
    value.serialize(Value { b: &mut b, shape: &ROOT }).map_err(|e| match e {
        Error::Py(e) => e,
        Error::Mismatch(m) => PyValueError::new_err(format!("the core's value does not fit kaoping's classes: {m}")),
    })
}

/// The root value: an instance of the plan's first class.
static ROOT: Shape = Shape::Class(0);

/// The texts met so far in a call and their Python objects. Most are short (months, ids,
/// decimals, kinds): those up to 15 bytes are keyed by their length and bytes packed in a
/// `u128`, without allocating or comparing strings; the longer ones (names) by the text.
#[derive(Default)]
struct Texts<'py> {
    short: HashMap<u128, Bound<'py, PyAny>, BuildHasherDefault<Fx>>,
    long: HashMap<Box<str>, Bound<'py, PyAny>, BuildHasherDefault<Fx>>,
}

enum TextKey<'s> {
    Short(u128),
    Long(&'s str),
}

impl<'py> Texts<'py> {
    fn key(s: &str) -> TextKey<'_> {
        let bytes = s.as_bytes();
        if bytes.len() < 16 {
            // `len << 8·len | the bytes`: one value per text (the length tells "a" from "a\0")
            TextKey::Short(bytes.iter().rev().fold(bytes.len() as u128, |k, &b| (k << 8) | u128::from(b)))
        } else {
            TextKey::Long(s)
        }
    }

    /// The object of `s`, made by `make` the first time.
    fn get_or_make(&mut self, s: &str, make: impl FnOnce(&str) -> PyResult<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        match Self::key(s) {
            TextKey::Short(k) => {
                if let Some(v) = self.short.get(&k) {
                    return Ok(v.clone());
                }
                let v = make(s)?;
                self.short.insert(k, v.clone());
                Ok(v)
            }
            TextKey::Long(s) => {
                if let Some(v) = self.long.get(s) {
                    return Ok(v.clone());
                }
                let v = make(s)?;
                self.long.insert(s.into(), v.clone());
                Ok(v)
            }
        }
    }
}

/// One call's state: the plan, and the strings, decimals and dates converted so far (by their
/// text).
struct Builder<'a, 'py> {
    py: Python<'py>,
    plan: &'a ObjectPlan,
    strings: Texts<'py>,
    decimals: Texts<'py>,
    dates: Texts<'py>,
    /// Where `collect_str` writes its text.
    buf: String,
    /// The values of the fields of the structs being built (see [`Struct`]).
    slots: Vec<Option<Bound<'py, PyAny>>>,
}

impl<'py> Builder<'_, 'py> {
    /// A text value for `shape`: a `str`, or the decimal or date it spells.
    fn text(&mut self, shape: &Shape, s: &str) -> Result<Bound<'py, PyAny>, Error> {
        let py = self.py;
        let v = match shape {
            Shape::Str => self.strings.get_or_make(s, |s| Ok(PyString::new(py, s).into_any())),
            Shape::Decimal => {
                let decimal = self.plan.decimal.bind(py);
                self.decimals.get_or_make(s, |s| decimal.call1((s,)))
            }
            Shape::Date => {
                let date = self.plan.date.bind(py);
                self.dates.get_or_make(s, |s| date.call1((s,)))
            }
            Shape::Optional(inner) => return self.text(inner, s),
            _ => return Err(mismatch(shape, "a string")),
        };
        Ok(v?)
    }

    fn int(&self, shape: &Shape, v: impl IntoPyObject<'py>) -> Result<Bound<'py, PyAny>, Error> {
        match shape {
            Shape::Int => Ok(v.into_bound_py_any(self.py)?),
            Shape::Optional(inner) => self.int(inner, v),
            _ => Err(mismatch(shape, "an integer")),
        }
    }
}

/// Why building stopped.
#[derive(Debug)]
enum Error {
    /// A conversion (or making an instance) raised.
    Py(PyErr),
    /// The value does not fit the plan.
    Mismatch(String),
}

fn mismatch(shape: &Shape, got: &str) -> Error {
    Error::Mismatch(format!("expected {shape:?}, got {got}"))
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error::Py(e)
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Py(e) => write!(f, "{e}"),
            Error::Mismatch(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error::Mismatch(msg.to_string())
    }
}

/// The serializer of one value, expected to have `shape`.
struct Value<'b, 'a, 'py> {
    b: &'b mut Builder<'a, 'py>,
    shape: &'a Shape,
}

macro_rules! ints {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<Self::Ok, Error> {
            self.b.int(self.shape, v)
        }
    )*};
}

macro_rules! refused {
    ($($method:ident($($arg:ty),*) $what:literal),*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<Self::Ok, Error> {
            Err(mismatch(self.shape, $what))
        }
    )*};
}

impl<'b, 'a, 'py> ser::Serializer for Value<'b, 'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = List<'b, 'a, 'py>;
    type SerializeStruct = Struct<'b, 'a, 'py>;
    type SerializeTuple = Impossible<Self::Ok, Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Impossible<Self::Ok, Error>;
    type SerializeStructVariant = Impossible<Self::Ok, Error>;

    ints!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
          serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    refused!(serialize_f32(f32) "a float", serialize_f64(f64) "a float", serialize_bytes(&[u8]) "bytes",
             serialize_unit_struct(&'static str) "a unit struct");

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        match unwrap_optional(self.shape) {
            Shape::Bool => Ok(PyBool::new(self.b.py, v).to_owned().into_any()),
            _ => Err(mismatch(self.shape, "a boolean")),
        }
    }

    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        self.b.text(self.shape, v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        self.b.text(self.shape, v)
    }

    /// Written in a buffer kept for the call (months, periods and dates come this way).
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<Self::Ok, Error> {
        let mut buf = std::mem::take(&mut self.b.buf);
        buf.clear();
        write!(buf, "{value}").map_err(|_| Error::Mismatch("a value failed to format".into()))?;
        let out = self.b.text(self.shape, &buf);
        self.b.buf = buf;
        out
    }

    fn serialize_none(self) -> Result<Self::Ok, Error> {
        match self.shape {
            Shape::Optional(_) => Ok(self.b.py.None().into_bound(self.b.py)),
            _ => Err(mismatch(self.shape, "null")),
        }
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }

    /// `()` is JSON's `null`.
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }

    /// A snake_case enum's variant name, as the JSON spells it.
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Self::Ok, Error> {
        match unwrap_optional(self.shape) {
            Shape::Str => self.b.text(&Shape::Str, variant),
            _ => Err(mismatch(self.shape, "an enum variant")),
        }
    }

    /// Written as the value it wraps.
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<Self::Ok, Error> {
        Err(mismatch(self.shape, "an enum variant with data"))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<List<'b, 'a, 'py>, Error> {
        match unwrap_optional(self.shape) {
            Shape::List(item) => Ok(List { b: self.b, item, items: Vec::with_capacity(len.unwrap_or(0)) }),
            _ => Err(mismatch(self.shape, "a sequence")),
        }
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Struct<'b, 'a, 'py>, Error> {
        match unwrap_optional(self.shape) {
            &Shape::Class(i) => {
                let class = &self.b.plan.classes[i];
                let base = self.b.slots.len();
                self.b.slots.resize_with(base + class.fields.len(), || None);
                Ok(Struct { b: self.b, class, base, next: 0 })
            }
            _ => Err(mismatch(self.shape, &format!("the struct {name}"))),
        }
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(mismatch(self.shape, "a tuple"))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(mismatch(self.shape, "a tuple struct"))
    }

    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(mismatch(self.shape, "a tuple variant"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(mismatch(self.shape, "a map"))
    }

    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(mismatch(self.shape, "a struct variant"))
    }
}

/// The shape itself, or the shape an optional one holds (a present value).
fn unwrap_optional(shape: &Shape) -> &Shape {
    match shape {
        Shape::Optional(inner) => unwrap_optional(inner),
        s => s,
    }
}

/// A `list` being built.
struct List<'b, 'a, 'py> {
    b: &'b mut Builder<'a, 'py>,
    item: &'a Shape,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeSeq for List<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(Value { b: &mut *self.b, shape: self.item })?;
        self.items.push(v);
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, Error> {
        Ok(PyList::new(self.b.py, self.items)?.into_any())
    }
}

/// An instance being built: its fields' values, in the class's field order, are the builder's
/// `slots[base..]` (the structs it holds use the slots after them, and are done first).
struct Struct<'b, 'a, 'py> {
    b: &'b mut Builder<'a, 'py>,
    class: &'a Class,
    base: usize,
    /// Where to look for the next field first (the core mostly writes them in field order).
    next: usize,
}

impl<'py> ser::SerializeStruct for Struct<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let fields = &self.class.fields;
        let n = fields.len();
        let Some(i) = (0..n).map(|k| (self.next + k) % n).find(|&i| fields[i].is(key)) else {
            return Err(Error::Mismatch(format!("{}: unknown field {key:?}", self.class.cls)));
        };
        if self.b.slots[self.base + i].is_some() {
            return Err(Error::Mismatch(format!("{}: the field {key:?} twice", self.class.cls)));
        }
        let v = value.serialize(Value { b: &mut *self.b, shape: &fields[i].shape })?;
        self.b.slots[self.base + i] = Some(v);
        self.next = i + 1;
        Ok(())
    }

    /// `object.__new__(cls)`, then each field set as `object.__setattr__` sets it, in field order
    /// (`None` for an absent optional field): what the dataclass `__init__` does, less its frozen
    /// `__setattr__` (bypassed, as in the compiled JSON decoders) and its Python frame.
    fn end(self) -> Result<Self::Ok, Error> {
        let py = self.b.py;
        let class = self.class;
        let obj = instance::new(class.cls.bind(py), class.tp_new)?;
        for (field, value) in class.fields.iter().zip(self.b.slots.drain(self.base..)) {
            let value = match value {
                Some(v) => v,
                None if field.required => {
                    return Err(Error::Mismatch(format!("{}: the required field {:?} was not written", class.cls, field.name)));
                }
                None => py.None().into_bound(py),
            };
            instance::set_field(&obj, field.key.bind(py), &value)?;
        }
        Ok(obj)
    }
}

/// Making an instance and setting its fields: the two calls of the C API that pyo3 does not
/// wrap. `object.__new__(cls)` and `object.__setattr__(obj, name, value)` called through Python
/// would do the same, a third slower for a whole result (an argument tuple per call, and the
/// checks of the slot wrappers); reading `obj.__dict__` and filling it would make every
/// instance a dict of its own, where `__init__` leaves the values in the instance (3.11+).
mod instance {
    use pyo3::exceptions::PyTypeError;
    use pyo3::ffi;
    use pyo3::prelude::*;
    use pyo3::types::{PyString, PyTuple, PyType};

    /// The `tp_new` slot of a Python class (a heap type, as `PyType_GetSlot` wants it on 3.9).
    pub(super) fn tp_new(cls: &Bound<'_, PyType>) -> PyResult<ffi::newfunc> {
        let tp = cls.as_type_ptr();
        // SAFETY: `tp` is a live type object (borrowed from `cls`); both calls only read it, and
        // `PyType_GetSlot` is asked only of heap types.
        let slot = unsafe {
            if ffi::PyType_GetFlags(tp) & ffi::Py_TPFLAGS_HEAPTYPE == 0 {
                return Err(PyTypeError::new_err(format!("{cls}: an object plan builds Python classes only")));
            }
            ffi::PyType_GetSlot(tp, ffi::Py_tp_new)
        };
        if slot.is_null() {
            return Err(PyErr::take(cls.py()).unwrap_or_else(|| PyTypeError::new_err(format!("{cls} cannot be instantiated"))));
        }
        // SAFETY: the `Py_tp_new` slot holds a `newfunc` (the C type of `tp_new`).
        Ok(unsafe { std::mem::transmute::<*mut std::ffi::c_void, ffi::newfunc>(slot) })
    }

    /// `cls.__new__(cls)`: the class's own `tp_new` called with no arguments, as `type.__call__`
    /// calls it (`object.__new__` allocates the instance and, on 3.11+, its inline values).
    pub(super) fn new<'py>(cls: &Bound<'py, PyType>, tp_new: ffi::newfunc) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let args = PyTuple::empty(py);
        // SAFETY: `tp_new` is `cls`'s own slot (`tp_new` above); it gets the live type, an empty
        // argument tuple and no keywords, and returns a new reference or NULL with an exception
        // set, which `from_owned_ptr_or_err` takes over.
        unsafe { Bound::from_owned_ptr_or_err(py, tp_new(cls.as_type_ptr(), args.as_ptr(), std::ptr::null_mut())) }
    }

    /// `object.__setattr__(obj, name, value)`: the generic attribute setter, past the frozen
    /// dataclass's `__setattr__`.
    pub(super) fn set_field(obj: &Bound<'_, PyAny>, name: &Bound<'_, PyString>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        // SAFETY: three live objects, borrowed for the call; the function takes its own
        // references and returns -1 with an exception set on failure.
        if unsafe { ffi::PyObject_GenericSetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr()) } == 0 {
            Ok(())
        } else {
            Err(PyErr::fetch(obj.py()))
        }
    }
}

/// The Fx hash (rustc's): the caches' keys are short texts, for which SipHash's resistance to
/// crafted collisions costs more than it is worth here (the texts are the core's own output).
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u128(&mut self, v: u128) {
        self.add(v as u64);
        self.add((v >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
